/**
 * Exam setup: exam years with their key dates, the exam district (考区) and its exam points (考点).
 * Other modules read it through {@link cn.qualify.exam.ExamPoints} and {@link cn.qualify.exam.ExamYears}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Exam setup")
package cn.qualify.exam;
