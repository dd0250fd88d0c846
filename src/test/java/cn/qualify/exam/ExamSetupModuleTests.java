package cn.qualify.exam;

import static cn.qualify.exam.ExamSetupFixtures.districtForm;
import static cn.qualify.exam.ExamSetupFixtures.liaoningDistrict;
import static cn.qualify.exam.ExamSetupFixtures.noExamSetup;
import static cn.qualify.exam.ExamSetupFixtures.pointForm;
import static cn.qualify.exam.ExamSetupFixtures.yearOpenOn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.transaction.annotation.Transactional;

/** Exam setup on its own: what is stored comes back, refusals save nothing, the database guards the rules too. */
@ApplicationModuleTest
@Transactional
class ExamSetupModuleTests {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final LocalDate TODAY = LocalDate.of(2025, 4, 10);

    @TestConfiguration
    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(ZonedDateTime.of(TODAY.atTime(9, 0), CHINA).toInstant(), CHINA);
        }
    }

    @Autowired
    ExamSetup setup;

    @Autowired
    ExamPoints points;

    @Autowired
    ExamYears years;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    ApplicationContext context;

    @BeforeEach
    void startEmpty() {
        noExamSetup(jdbc);
    }

    @Test
    void examPointsComeBackAsStoredOrderedByCode() {
        liaoningDistrict(setup);
        setup.addPoint(pointForm("2102", "大连考点"));
        setup.addPoint(pointForm("2101", "沈阳考点"));

        assertThat(points.all())
                .containsExactly(new ExamPoint("2101", "沈阳考点", "21", true), new ExamPoint("2102", "大连考点", "21", true));
        assertThat(points.byCode("2102")).contains(new ExamPoint("2102", "大连考点", "21", true));
        assertThat(points.byCode("2199")).isEmpty();
    }

    @Test
    void aDeactivatedPointIsKeptButNoLongerActive() {
        liaoningDistrict(setup);
        setup.addPoint(pointForm("2101", "沈阳考点"));
        setup.addPoint(pointForm("2102", "大连考点"));

        setup.changePointActive("2101", false);

        assertThat(points.byCode("2101")).map(ExamPoint::active).contains(false);
        assertThat(points.active()).extracting(ExamPoint::code).containsExactly("2102");
        assertThat(points.all()).hasSize(2);
    }

    @Test
    void aRenamedPointKeepsItsCodeAndState() {
        liaoningDistrict(setup);
        setup.addPoint(pointForm("2101", "沈阳考点"));

        setup.updatePoint("2101", pointForm("2101", "沈阳市考点"));

        assertThat(points.byCode("2101")).contains(new ExamPoint("2101", "沈阳市考点", "21", true));
    }

    @Test
    void pointCodesOutsideTheDistrictOrTakenAreRefused() {
        liaoningDistrict(setup);
        setup.addPoint(pointForm("2101", "沈阳考点"));

        assertRefused(() -> setup.addPoint(pointForm("2201", "长春考点")), "code", "point.code.outsideDistrict");
        assertRefused(() -> setup.addPoint(pointForm("2100", "辽宁考点")), "code", "point.code.outsideDistrict");
        assertRefused(() -> setup.addPoint(pointForm("2101", "另一个考点")), "code", "point.code.duplicate");
        assertRefused(() -> setup.addPoint(pointForm("2102", "沈阳考点")), "name", "point.name.duplicate");
        assertRefused(() -> setup.updatePoint("2101", pointForm("2109", "沈阳考点")), "code", "point.code.immutable");
        assertThat(points.all()).extracting(ExamPoint::code).containsExactly("2101");
    }

    @Test
    void nothingCanBeAddedBeforeTheDistrictIsSetUp() {
        assertThatThrownBy(() -> setup.addPoint(pointForm("2101", "沈阳考点")))
                .isInstanceOfSatisfying(
                        ExamSetupRejected.class,
                        rejected -> assertThat(rejected.concernsRequest()).isTrue());
        assertThatThrownBy(() -> setup.addYear(yearOpenOn(2025, TODAY))).isInstanceOf(ExamSetupRejected.class);
    }

    @Test
    void theDistrictIsSetUpOnceWithAProvinceCodeAndThenOnlyRenamed() {
        assertRefused(() -> setup.setUpDistrict(districtForm("20", "无效考区")), "code", "district.code.unknown");
        liaoningDistrict(setup);

        assertRefused(() -> setup.setUpDistrict(districtForm("22", "吉林考区")), "code", "district.code.alreadySetUp");
        assertRefused(() -> setup.renameDistrict(districtForm("22", "吉林考区")), "code", "district.code.immutable");
        setup.renameDistrict(districtForm("21", "辽宁省考区"));

        assertThat(setup.district()).contains(new ExamDistrict("21", "辽宁省考区"));
    }

    @Test
    void examYearsComeBackAsStoredAndTheLatestIsCurrent() {
        liaoningDistrict(setup);
        var form2025 = yearOpenOn(2025, TODAY);
        var stored2025 = setup.addYear(form2025);
        setup.addYear(yearOpenOn(2026, TODAY.plusYears(1)));

        assertThat(years.byYear(2025)).contains(stored2025);
        assertThat(stored2025)
                .isEqualTo(new ExamYear(
                        2025,
                        "21",
                        "LN-2025",
                        TODAY.minusDays(10),
                        TODAY.plusDays(10),
                        TODAY.minusDays(5),
                        TODAY.plusDays(20),
                        TODAY.minusDays(5),
                        TODAY.plusDays(40),
                        5,
                        204_800));
        assertThat(years.current()).map(ExamYear::year).contains(2026);
        assertThat(years.all()).extracting(ExamYear::year).containsExactly(2026, 2025);
        assertThat(years.byYear(2024)).isEmpty();
    }

    @Test
    void anExamYearIsChangedInPlaceButNotRenumbered() {
        liaoningDistrict(setup);
        setup.addYear(yearOpenOn(2025, TODAY));
        var changed = yearOpenOn(2025, TODAY);
        changed.setPolicyId("LN-2025B");
        changed.setResubmissionDays(7);
        changed.setMaxImageBytes(307_200L);
        changed.setReviewCloses(TODAY.plusDays(90));

        setup.updateYear(2025, changed);

        var stored = years.byYear(2025).orElseThrow();
        assertThat(stored.policyId()).isEqualTo("LN-2025B");
        assertThat(stored.resubmissionDays()).isEqualTo(7);
        assertThat(stored.maxImageBytes()).isEqualTo(307_200);
        assertThat(stored.reviewCloses()).isEqualTo(TODAY.plusDays(90));
        assertRefused(() -> setup.updateYear(2025, yearOpenOn(2026, TODAY)), "year", "year.year.immutable");
        assertRefused(() -> setup.addYear(yearOpenOn(2025, TODAY)), "year", "year.year.duplicate");
        assertThatThrownBy(() -> setup.updateYear(2030, yearOpenOn(2030, TODAY)))
                .isInstanceOf(ExamSetupNotFound.class);
    }

    @Test
    void theWindowsTellWhetherADayIsInside() {
        liaoningDistrict(setup);
        var year = setup.addYear(yearOpenOn(2025, TODAY));

        assertThat(year.registrationOpenOn(TODAY.minusDays(10))).isTrue();
        assertThat(year.registrationOpenOn(TODAY.minusDays(11))).isFalse();
        assertThat(year.uploadOpenOn(TODAY.plusDays(20))).isTrue();
        assertThat(year.uploadOpenOn(TODAY.plusDays(21))).isFalse();
        assertThat(year.reviewOpenOn(TODAY.plusDays(40))).isTrue();
        assertThat(year.reviewOpenOn(TODAY.plusDays(41))).isFalse();
    }

    @Test
    void theCurrentYearIsReadOnceForAWhileAndAChangeMadeHereIsSeenAtOnce() {
        liaoningDistrict(setup);
        var keptForAnHour = new JdbcExamYears(jdbc, clock, Duration.ofHours(1));
        keptForAnHour.add(yearOpenOn(2025, TODAY).toExamYear("21"));
        assertThat(keptForAnHour.current()).map(ExamYear::maxImageBytes).contains(204_800L);

        // as another node would change it: this node answers from its copy
        jdbc.sql("UPDATE exam_year SET max_image_bytes = 307200 WHERE calendar_year = 2025")
                .update();
        assertThat(keptForAnHour.current()).map(ExamYear::maxImageBytes).contains(204_800L);
        assertThat(years.current()).map(ExamYear::maxImageBytes).contains(307_200L);

        var larger = yearOpenOn(2025, TODAY);
        larger.setMaxImageBytes(409_600L);
        keptForAnHour.update(larger.toExamYear("21"));
        assertThat(keptForAnHour.current()).map(ExamYear::maxImageBytes).contains(409_600L);
    }

    @Test
    void theDatabaseRefusesWindowsOutOfOrderEvenWithoutTheApplication() {
        liaoningDistrict(setup);
        var year = yearOpenOn(2025, TODAY);
        year.setRegistrationCloses(year.getRegistrationOpens().minusDays(1));

        assertThatThrownBy(() -> context.getBean(JdbcExamYears.class).add(year.toExamYear("21")))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void theDatabaseRefusesOutOfRangeNumbers() {
        liaoningDistrict(setup);
        var tooGenerous = yearOpenOn(2025, TODAY);
        tooGenerous.setResubmissionDays(0);
        assertThatThrownBy(() -> context.getBean(JdbcExamYears.class).add(tooGenerous.toExamYear("21")))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void theDatabaseRefusesPointsOutsideTheDistrict() {
        liaoningDistrict(setup);

        assertThatThrownBy(() -> context.getBean(JdbcExamPoints.class).add(new ExamPoint("2201", "长春考点", "21", true)))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void demoDataIsTheLiaoningDistrictWithOpenWindowsAndLoadsOnlyOnce() {
        var demo = new ExamSetupDemoData(setup, points, years, clock);

        demo.run(null);
        demo.run(null);

        assertThat(setup.district()).contains(new ExamDistrict("21", "辽宁考区"));
        assertThat(points.all()).hasSize(14).allMatch(ExamPoint::active);
        assertThat(points.byCode("2101")).map(ExamPoint::name).contains("沈阳考点");
        assertThat(points.byCode("2111")).map(ExamPoint::name).contains("盘锦考点");
        assertThat(points.byCode("2112")).map(ExamPoint::name).contains("铁岭考点");
        assertThat(points.byCode("2114")).map(ExamPoint::name).contains("葫芦岛考点");
        assertThat(years.all()).hasSize(1);
        var year = years.current().orElseThrow();
        assertThat(year.year()).isEqualTo(2025);
        assertThat(year.policyId()).isEqualTo("LN-2025");
        assertThat(year.resubmissionDays()).isEqualTo(5);
        assertThat(year.maxImageBytes()).isEqualTo(204_800);
        assertThat(year.registrationOpenOn(TODAY)).isTrue();
        assertThat(year.uploadOpenOn(TODAY)).isTrue();
        assertThat(year.reviewOpenOn(TODAY)).isTrue();
        assertThat(year.uploadCloses()).isEqualTo(TODAY.plusDays(30));
        assertThat(year.reviewCloses()).isEqualTo(TODAY.plusDays(60));
    }

    @Test
    void demoDataLeavesExistingSetupAlone() {
        liaoningDistrict(setup);
        setup.addPoint(pointForm("2101", "沈阳市考点"));
        setup.addYear(yearOpenOn(2024, TODAY));

        new ExamSetupDemoData(setup, points, years, clock).run(null);

        assertThat(points.all()).containsExactly(new ExamPoint("2101", "沈阳市考点", "21", true));
        assertThat(years.all()).extracting(ExamYear::year).containsExactly(2024);
    }

    @Test
    void demoDataIsOffUnlessAskedFor() {
        assertThat(context.getBeanProvider(ExamSetupDemoData.class).getIfAvailable())
                .isNull();
    }

    static void assertRefused(Runnable change, String field, String code) {
        assertThatThrownBy(change::run)
                .isInstanceOfSatisfying(
                        ExamSetupRejected.class,
                        rejected -> assertThat(rejected.reasons())
                                .singleElement()
                                .satisfies(reason -> {
                                    assertThat(reason.field()).isEqualTo(field);
                                    assertThat(reason.code()).isEqualTo(code);
                                }));
    }
}
