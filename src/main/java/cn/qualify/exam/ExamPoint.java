package cn.qualify.exam;

/**
 * An exam point (考点), identified by its code: the GB/T 2260 code of its city, e.g. {@code 2101} 沈阳.
 *
 * @param code stable identifier, referenced by other modules
 * @param name Chinese name, e.g. 沈阳考点
 * @param districtCode the exam district (考区) it belongs to, e.g. {@code 21} 辽宁
 * @param active false once retired; retired points keep their history but take no new candidates
 */
public record ExamPoint(String code, String name, String districtCode, boolean active) {}
