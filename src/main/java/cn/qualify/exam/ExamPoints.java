package cn.qualify.exam;

import java.util.List;
import java.util.Optional;

/** Read access to the exam points, for the modules that scope work by exam point. */
public interface ExamPoints {

    /** Every exam point, active or not, ordered by code. */
    List<ExamPoint> all();

    /** The exam point with this code, active or not. */
    Optional<ExamPoint> byCode(String code);

    /** The exam points that take new candidates, ordered by code. */
    default List<ExamPoint> active() {
        return all().stream().filter(ExamPoint::active).toList();
    }
}
