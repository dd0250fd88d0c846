package cn.qualify.exam;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo data for {@code qualify.demo.enabled=true}: the Liaoning exam district, its 14 exam points and the exam
 * year 2025. Each table is filled only while it is empty, so restarts change nothing. Runs before the other
 * modules' demo data (order {@value #ORDER}), which may refer to exam points.
 */
@Component
@ConditionalOnBooleanProperty("qualify.demo.enabled")
@Order(ExamSetupDemoData.ORDER)
class ExamSetupDemoData implements ApplicationRunner {

    static final int ORDER = 10;
    static final String DISTRICT_CODE = "21";
    static final int YEAR = 2025;

    /** GB/T 2260 city codes of Liaoning with the exam point names. */
    static final Map<String, String> POINTS = points();

    private static final Logger log = LoggerFactory.getLogger(ExamSetupDemoData.class);

    private final ExamSetup setup;
    private final ExamPoints points;
    private final ExamYears years;
    private final Clock clock;

    ExamSetupDemoData(ExamSetup setup, ExamPoints points, ExamYears years, Clock clock) {
        this.setup = setup;
        this.points = points;
        this.years = years;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments arguments) {
        var district = setup.district().orElseGet(() -> {
            var form = new ExamDistrictForm();
            form.setCode(DISTRICT_CODE);
            form.setName("辽宁考区");
            return setup.setUpDistrict(form);
        });
        if (!DISTRICT_CODE.equals(district.code())) {
            log.info("Exam district {} is set up; no Liaoning demo exam points or year", district.code());
            return;
        }
        if (points.all().isEmpty()) {
            POINTS.forEach((code, name) -> {
                var form = new ExamPointForm();
                form.setCode(code);
                form.setName(name);
                setup.addPoint(form);
            });
            log.info("Demo exam points loaded: {}", POINTS.size());
        }
        if (years.all().isEmpty()) {
            setup.addYear(demoYear(LocalDate.now(clock)));
            log.info("Demo exam year {} loaded", YEAR);
        }
    }

    /**
     * The 2025 settings of the notice (policy LN-2025, 200 KB images, 5 days to resubmit), with windows that are
     * open on {@code today}: the demo is meant to be tried whenever it runs, so registration and uploads opened a
     * week ago and close in 30 days, review opened a week ago and closes in 60 days.
     */
    static ExamYearForm demoYear(LocalDate today) {
        var form = ExamYearForm.forNewYear(YEAR);
        form.setPolicyId("LN-2025");
        form.setRegistrationOpens(today.minusDays(7));
        form.setRegistrationCloses(today.plusDays(30));
        form.setUploadOpens(today.minusDays(7));
        form.setUploadCloses(today.plusDays(30));
        form.setReviewOpens(today.minusDays(7));
        form.setReviewCloses(today.plusDays(60));
        form.setResubmissionDays(5);
        form.setMaxImageBytes(204_800L);
        return form;
    }

    private static Map<String, String> points() {
        var points = new LinkedHashMap<String, String>();
        points.put("2101", "沈阳考点");
        points.put("2102", "大连考点");
        points.put("2103", "鞍山考点");
        points.put("2104", "抚顺考点");
        points.put("2105", "本溪考点");
        points.put("2106", "丹东考点");
        points.put("2107", "锦州考点");
        points.put("2108", "营口考点");
        points.put("2109", "阜新考点");
        points.put("2110", "辽阳考点");
        points.put("2111", "盘锦考点");
        points.put("2112", "铁岭考点");
        points.put("2113", "朝阳考点");
        points.put("2114", "葫芦岛考点");
        return Collections.unmodifiableMap(points);
    }
}
