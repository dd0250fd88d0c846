package cn.qualify.exam;

import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test situations for exam setup. Tests that use them run in a transaction that is rolled back, and start from
 * empty exam tables whatever other test classes left in the shared test database.
 */
final class ExamSetupFixtures {

    private ExamSetupFixtures() {}

    static void noExamSetup(JdbcClient jdbc) {
        jdbc.sql("DELETE FROM exam_year").update();
        jdbc.sql("DELETE FROM exam_point").update();
        jdbc.sql("DELETE FROM exam_district").update();
    }

    static ExamDistrict liaoningDistrict(ExamSetup setup) {
        return setup.setUpDistrict(districtForm("21", "辽宁考区"));
    }

    static ExamDistrictForm districtForm(String code, String name) {
        var form = new ExamDistrictForm();
        form.setCode(code);
        form.setName(name);
        return form;
    }

    static ExamPointForm pointForm(String code, String name) {
        var form = new ExamPointForm();
        form.setCode(code);
        form.setName(name);
        return form;
    }

    /** An exam year whose windows are all open on {@code today}. */
    static ExamYearForm yearOpenOn(int year, LocalDate today) {
        var form = ExamYearForm.forNewYear(year);
        form.setPolicyId("LN-" + year);
        form.setRegistrationOpens(today.minusDays(10));
        form.setRegistrationCloses(today.plusDays(10));
        form.setUploadOpens(today.minusDays(5));
        form.setUploadCloses(today.plusDays(20));
        form.setReviewOpens(today.minusDays(5));
        form.setReviewCloses(today.plusDays(40));
        return form;
    }
}
