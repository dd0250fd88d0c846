package cn.qualify.identity;

import java.util.regex.Pattern;

/** Mainland mobile numbers: 11 digits starting with 13–19; spaces, hyphens and a leading +86 are dropped. */
final class PhoneNumbers {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

    private PhoneNumbers() {}

    static String normalise(String raw) {
        if (raw == null) {
            return "";
        }
        String digits = raw.replaceAll("[\\s\\-]", "");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        }
        return digits;
    }

    static boolean isMobile(String normalised) {
        return MOBILE.matcher(normalised).matches();
    }
}
