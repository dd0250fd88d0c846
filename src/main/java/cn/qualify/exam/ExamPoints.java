package cn.qualify.exam;

import java.util.List;
import java.util.Optional;

/** Read access to the exam points, for the modules that scope work by exam point. */
public interface ExamPoints {

    /** Every exam point, active or not, ordered by code. */
    List<ExamPoint> all();

    Optional<ExamPoint> byCode(String code);
}
