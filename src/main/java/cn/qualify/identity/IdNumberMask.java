package cn.qualify.identity;

/**
 * How lists show identity document numbers (PIPL: no more personal data than the task needs): the first six
 * characters (the issuing region) and the last four, the middle replaced by {@code *}, e.g.
 * {@code 210102********123X}. Lists, reports and search results show the masked number; the one screen per
 * candidate where staff must compare the number with the document (the review screen, the account page) shows it
 * whole.
 */
public final class IdNumberMask {

    private IdNumberMask() {}

    /** The number with its middle masked; a value shorter than eleven characters keeps only its last two. */
    public static String masked(String idNumber) {
        if (idNumber == null) {
            return null;
        }
        int length = idNumber.length();
        if (length >= 11) {
            return idNumber.substring(0, 6) + "*".repeat(length - 10) + idNumber.substring(length - 4);
        }
        if (length <= 2) {
            return "*".repeat(length);
        }
        return "*".repeat(length - 2) + idNumber.substring(length - 2);
    }
}
