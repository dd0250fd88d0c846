package cn.qualify.registration;

import cn.qualify.exam.ExamPoint;
import cn.qualify.exam.ExamPoints;
import cn.qualify.identity.IdType;
import cn.qualify.identity.InvalidIdNumberException;
import cn.qualify.identity.ResidentIdCard;
import cn.qualify.policy.CandidateFacts;
import cn.qualify.policy.FindingCode;
import cn.qualify.policy.Policies;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Checks registration info field by field, each refusal with its own message, and turns what it accepts into a
 * normalised {@link Registration}: phone without separators, texts without surrounding white space, gender and
 * birth date taken from a 居民身份证 number. Facts that the policy finds contradictory or incomplete (its
 * INVALID_FACTS findings) are refused too, naming the fact. The candidate's page, the API and the import share
 * these rules.
 */
@Component
class RegistrationRules {

    static final int MAX_TEXT = 100;
    static final int MAX_EMAIL = 254;
    static final int MAX_NAME = 50;
    static final int MAX_WORK_UNITS = 10;
    static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Pattern NAME = Pattern.compile("\\p{L}[\\p{L}\\p{M} ·•・.'\\-]*");

    private final ExamPoints examPoints;
    private final Policies policies;
    private final Clock clock;

    RegistrationRules(ExamPoints examPoints, Policies policies, Clock clock) {
        this.examPoints = examPoints;
        this.policies = policies;
        this.clock = clock;
    }

    /**
     * Checks the details of one person's registration for the exam year.
     *
     * @param problems collects what is wrong; problems already in it (e.g. of the document) also prevent a result
     * @return the registration to store, stamped now; empty when {@code problems} says why not
     */
    Optional<Registration> check(
            long candidateId, int examYear, Person person, RegistrationDetails details, Problems problems) {
        String gender;
        LocalDate birthDate;
        if (person.idType() == IdType.RESIDENT_ID_CARD) {
            var card = residentIdCard(person.idNumber(), problems);
            gender = card.map(c -> c.gender().name()).orElse(null);
            birthDate = card.map(ResidentIdCard::birthDate).orElse(null);
        } else {
            gender = checkGender(details.gender(), problems);
            birthDate = checkBirthDate(details.birthDate(), problems);
        }
        String phone = normalisePhone(details.phone());
        if (phone.isEmpty()) {
            problems.add("phone", "identity.phone.required");
        } else if (!MOBILE.matcher(phone).matches()) {
            problems.add("phone", "identity.phone.invalid");
        }
        String email = text(details.email());
        if (email != null
                && (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches())) {
            problems.add("email", "registration.email.invalid");
        }
        String school = requiredText("school", details.school(), problems);
        String major = requiredText("major", details.major(), problems);
        String examPointCode = checkExamPoint(details.examPointCode(), problems);
        var facts = checkFacts(details.facts(), examYear, problems);
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Registration(
                candidateId,
                examYear,
                person.name(),
                gender,
                birthDate,
                person.idType().name(),
                person.idNumber(),
                phone,
                email,
                school,
                major,
                examPointCode,
                facts,
                Instant.now(clock)));
    }

    /** The message key of the first rule a person's name breaks (the rules of identity documents), if any. */
    static Optional<String> nameProblem(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("identity.name.required");
        }
        if (name.codePointCount(0, name.length()) > MAX_NAME) {
            return Optional.of("identity.name.tooLong");
        }
        if (!NAME.matcher(name).matches()) {
            return Optional.of("identity.name.invalid");
        }
        return Optional.empty();
    }

    static String normaliseName(String raw) {
        return raw == null
                ? ""
                : raw.strip().replaceAll("\\s+", " ").replace('•', '·').replace('・', '·');
    }

    /** Mainland mobile numbers are compared without spaces, hyphens and a leading +86. */
    static String normalisePhone(String raw) {
        if (raw == null) {
            return "";
        }
        String digits = raw.replaceAll("[\\s\\u3000\\-]", "");
        return digits.startsWith("+86") ? digits.substring(3) : digits;
    }

    private static Optional<ResidentIdCard> residentIdCard(String number, Problems problems) {
        try {
            return Optional.of(ResidentIdCard.of(number));
        } catch (InvalidIdNumberException e) {
            problems.add("idNumber", e.messageKey());
            return Optional.empty();
        }
    }

    private static String checkGender(String gender, Problems problems) {
        String value = text(gender);
        if (value == null) {
            problems.add("gender", "registration.gender.required");
            return null;
        }
        if (!value.equals("MALE") && !value.equals("FEMALE")) {
            problems.add("gender", "registration.gender.invalid");
            return null;
        }
        return value;
    }

    private LocalDate checkBirthDate(LocalDate birthDate, Problems problems) {
        if (birthDate == null) {
            problems.add("birthDate", "registration.birthDate.required");
        } else if (birthDate.isBefore(EARLIEST_BIRTH) || birthDate.isAfter(LocalDate.now(clock))) {
            problems.add("birthDate", "registration.birthDate.invalid");
        }
        return birthDate;
    }

    private String checkExamPoint(String code, Problems problems) {
        String value = text(code);
        if (value == null) {
            problems.add("examPointCode", "registration.examPoint.required");
            return null;
        }
        if (examPoints.byCode(value).filter(ExamPoint::active).isEmpty()) {
            problems.add("examPointCode", "registration.examPoint.unknown", value);
            return null;
        }
        return value;
    }

    private CandidateFacts checkFacts(CandidateFacts given, int examYear, Problems problems) {
        if (given == null) {
            problems.add("facts", "registration.facts.required");
            return null;
        }
        if (given.examYear() != null && given.examYear() != examYear) {
            problems.add("facts.examYear", "registration.facts.examYear", String.valueOf(examYear));
        }
        if (given.examLevel() == null) {
            problems.add("facts.examLevel", "registration.facts.examLevel.required");
        }
        if (given.category() == null) {
            problems.add("facts.category", "registration.facts.category.required");
        }
        if (given.education() == null) {
            problems.add("facts.education", "registration.facts.education.required");
        }
        var institution = given.institution();
        if (institution != null) {
            String name = text(institution.name());
            if (name != null && name.length() > MAX_TEXT) {
                problems.add("facts.institution.name", "registration.text.tooLong", MAX_TEXT);
            }
            institution = name == null && institution.type() == null
                    ? null
                    : new CandidateFacts.Institution(name, institution.type(), institution.licenseChanged());
        }
        var units = new ArrayList<CandidateFacts.WorkUnit>();
        if (given.workUnits().size() > MAX_WORK_UNITS) {
            problems.add("facts.workUnits", "registration.workUnits.tooMany", MAX_WORK_UNITS);
        } else {
            for (int i = 0; i < given.workUnits().size(); i++) {
                var unit = given.workUnits().get(i);
                String path = "facts.workUnits[" + i + "].";
                String name = text(unit.name());
                if (name != null && name.length() > MAX_TEXT) {
                    problems.add(path + "name", "registration.text.tooLong", MAX_TEXT);
                }
                if (unit.type() == null) {
                    problems.add(path + "type", "registration.workUnit.type.required");
                }
                if (unit.from() == null) {
                    problems.add(path + "from", "registration.workUnit.from.required");
                } else if (unit.to() != null && unit.to().isBefore(unit.from())) {
                    problems.add(path + "to", "registration.workUnit.endsBeforeStart");
                }
                units.add(new CandidateFacts.WorkUnit(name, unit.type(), unit.from(), unit.to()));
            }
        }
        if (given.examLevel() == null || given.category() == null || given.education() == null) {
            return null;
        }
        var facts = new CandidateFacts(
                examYear,
                given.examLevel(),
                given.category(),
                given.education(),
                given.postgraduateStatus(),
                given.schoolProvinceCode(),
                given.graduationDate(),
                given.topUpBachelor(),
                given.bachelorAdmissionDate(),
                given.foreignDegree(),
                given.diplomaLost(),
                given.activeMilitary(),
                given.assistantQualified(),
                given.assistantRegistrationDate(),
                given.assistantPracticeScope(),
                given.crossProvinceTransfer(),
                given.originalCertificateUnavailable(),
                given.shortageExam(),
                given.probationPost(),
                institution,
                List.copyOf(units));
        var locale = LocaleContextHolder.getLocale();
        for (var finding : policies.evaluate(facts).findings()) {
            if (finding.code() != FindingCode.INVALID_FACTS) {
                continue;
            }
            String field = finding.field() == null ? "facts" : "facts." + finding.field();
            if (!problems.has(field)) {
                problems.addText(field, finding.message().in(locale));
            }
        }
        return facts;
    }

    private static String requiredText(String field, String raw, Problems problems) {
        String value = text(raw);
        if (value == null) {
            problems.add(field, "registration." + field + ".required");
        } else if (value.length() > MAX_TEXT) {
            problems.add(field, "registration.text.tooLong", MAX_TEXT);
        }
        return value;
    }

    /** Stripped, with inner runs of white space as one space; null when blank. */
    static String text(String raw) {
        if (raw == null) {
            return null;
        }
        String value = raw.strip().replaceAll("\\s+", " ");
        return value.isEmpty() ? null : value;
    }
}
