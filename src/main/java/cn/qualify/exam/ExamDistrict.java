package cn.qualify.exam;

import java.util.Set;

/**
 * The exam district (考区) that this deployment serves: one province, identified by its GB/T 2260 province code.
 *
 * @param code two-digit province code, e.g. {@code 21}
 * @param name e.g. 辽宁考区
 */
record ExamDistrict(String code, String name) {

    /** The province-level codes of GB/T 2260; a district is one of them. */
    static final Set<String> PROVINCE_CODES = Set.of(
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43",
            "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82");

    /** Whether {@code pointCode} is a city code inside this district's province (never the province itself). */
    boolean contains(String pointCode) {
        return pointCode.length() == 4 && pointCode.startsWith(code) && !pointCode.endsWith("00");
    }
}
