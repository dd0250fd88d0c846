package cn.qualify.identity;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A 居民身份证 number (GB 11643-1999): 6-digit address code, 8-digit birth date {@code yyyyMMdd}, 3-digit sequence
 * whose last digit is odd for men and even for women, and an ISO 7064 MOD 11-2 check digit ({@code X} stands
 * for 10). The address code must start with a province code of GB/T 2260 (including 71 台湾, 81 香港, 82 澳门 and 83
 * used by the residence permits of the same format); the birth date must be a real date from 1900 on.
 */
public record ResidentIdCard(String number) implements IdDocument {

    static final Pattern FORMAT = Pattern.compile("\\d{17}[\\dX]");
    static final Set<String> PROVINCES = Set.of(
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43",
            "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82", "83");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    /** Validates a normalised number; see the class comment for the rules. */
    public static ResidentIdCard of(String number) {
        if (!FORMAT.matcher(number).matches()) {
            throw new InvalidIdNumberException(
                    "identity.idNumber.format.RESIDENT_ID_CARD", "not 17 digits and a digit or X: " + number);
        }
        if (!PROVINCES.contains(number.substring(0, 2))) {
            throw new InvalidIdNumberException("identity.idNumber.region", "unknown province: " + number);
        }
        birthDateAt(number, 6);
        verifyCheckDigit(number);
        return new ResidentIdCard(number);
    }

    /** The GB 11643 check character for the first 17 digits of {@code number}: {@code 0}–{@code 9} or {@code X}. */
    public static char checkDigit(String first17Digits) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17Digits.charAt(i) - '0') * WEIGHTS[i];
        }
        int value = (12 - sum % 11) % 11;
        return value == 10 ? 'X' : (char) ('0' + value);
    }

    static void verifyCheckDigit(String number) {
        if (checkDigit(number) != number.charAt(17)) {
            throw new InvalidIdNumberException("identity.idNumber.checkDigit", "wrong check digit: " + number);
        }
    }

    static LocalDate birthDateAt(String number, int offset) {
        try {
            var date = LocalDate.of(
                    Integer.parseInt(number.substring(offset, offset + 4)),
                    Integer.parseInt(number.substring(offset + 4, offset + 6)),
                    Integer.parseInt(number.substring(offset + 6, offset + 8)));
            if (date.isBefore(EARLIEST_BIRTH)) {
                throw new InvalidIdNumberException("identity.idNumber.birthDate", "birth before 1900: " + number);
            }
            return date;
        } catch (DateTimeException | NumberFormatException e) {
            throw new InvalidIdNumberException("identity.idNumber.birthDate", "no such birth date: " + number);
        }
    }

    @Override
    public IdType type() {
        return IdType.RESIDENT_ID_CARD;
    }

    /** The birth date in characters 7–14. */
    public LocalDate birthDate() {
        return birthDateAt(number, 6);
    }

    /** From the 17th character: odd male, even female. */
    public Gender gender() {
        return (number.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE;
    }

    /** The 6-digit GB/T 2260 address code of the place of first registration, e.g. {@code 210102}. */
    public String addressCode() {
        return number.substring(0, 6);
    }

    /** The 2-digit province code, e.g. {@code 21} 辽宁. */
    public String provinceCode() {
        return number.substring(0, 2);
    }
}
