/**
 * Exam setup: exam years with their key dates, the exam district (考区) and its exam points (考点), with the
 * administrator pages and API that maintain them. A deployment serves one exam district. Other modules read it
 * through {@link cn.qualify.exam.ExamPoints} and {@link cn.qualify.exam.ExamYears}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Exam setup")
package cn.qualify.exam;
