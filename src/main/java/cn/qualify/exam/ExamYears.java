package cn.qualify.exam;

import java.util.List;
import java.util.Optional;

/** Read access to the exam years of the exam district that this deployment serves. */
public interface ExamYears {

    /**
     * The exam year that candidates currently register for: the latest one (highest year), if any. A new year
     * becomes current as soon as an administrator creates it, whatever its dates.
     */
    Optional<ExamYear> current();

    /** The exam year {@code year}, if it has been set up. */
    Optional<ExamYear> byYear(int year);

    /** Every exam year, newest first. */
    List<ExamYear> all();
}
