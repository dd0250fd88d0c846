package cn.qualify.exam;

import java.util.List;
import java.util.Optional;

/** Read access to the exam years. */
public interface ExamYears {

    /** The exam year that candidates currently register for: the latest one, if any. */
    Optional<ExamYear> current();

    Optional<ExamYear> byYear(int year);

    List<ExamYear> all();
}
