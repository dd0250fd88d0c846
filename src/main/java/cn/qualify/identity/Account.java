package cn.qualify.identity;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * A user of the system as other modules see it.
 *
 * @param id stable identifier; other modules keep this, not the login name
 * @param loginName the normalised identity document number of a candidate, the user name of staff
 * @param idType the kind of identity document of a candidate; {@code null} for staff
 * @param displayName the person's name
 * @param role what the account may do
 * @param examPointCodes the exam points a {@link Role#POINT_REVIEWER} works for; empty for every other role
 * @param phone mainland mobile number, {@code null} if none was given
 * @param enabled false when an administrator has disabled the account; it cannot log in then
 */
public record Account(
        long id,
        String loginName,
        IdType idType,
        String displayName,
        Role role,
        Set<String> examPointCodes,
        String phone,
        boolean enabled) {

    public Account {
        examPointCodes = Collections.unmodifiableSortedSet(new TreeSet<>(examPointCodes));
    }

    /**
     * The login name as lists show it: a candidate's is an identity document number and is masked
     * ({@link IdNumberMask}), a staff user name is shown whole.
     */
    public String maskedLoginName() {
        return idType == null ? loginName : IdNumberMask.masked(loginName);
    }

    /**
     * Whether this account reviews candidates of the given exam point: a district reviewer every point, a point
     * reviewer the points in their scope, nobody else any.
     */
    public boolean reviewsExamPoint(String examPointCode) {
        return switch (role) {
            case DISTRICT_REVIEWER -> true;
            case POINT_REVIEWER -> examPointCodes.contains(examPointCode);
            default -> false;
        };
    }
}
