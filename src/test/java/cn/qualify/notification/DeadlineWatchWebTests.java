package cn.qualify.notification;

import static cn.qualify.notification.ReturnedApplications.replaceAndResubmit;
import static cn.qualify.notification.ReturnedApplications.returnedWithDiplomaToReplace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.qualify.application.Application;
import cn.qualify.application.ApplicationRuleViolation;
import cn.qualify.application.ApplicationState;
import cn.qualify.application.Applications;
import cn.qualify.application.StaleApplicationException;
import cn.qualify.identity.Account;
import cn.qualify.identity.IdentityFixtures;
import cn.qualify.identity.Role;
import cn.qualify.notification.NotificationTestConfiguration.SettableClock;
import cn.qualify.shared.ExamDays;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Revision deadlines with a clock the tests set: expiry at the boundary, each reminder once, extensions before the
 * deadline honoured and audited, a resubmission racing the expiry resolved by the optimistic check, and the job
 * guarded by its ShedLock lock.
 */
@NotificationIntegrationTest
class DeadlineWatchWebTests {

    /** The deadline of a return: the midnight (China) after the last day, 2030-06-10. */
    static final Instant DEADLINE = ExamDays.endOf(LocalDate.of(2030, 6, 10));

    static final Instant RETURNED_AT = DEADLINE.minus(Duration.ofDays(5));

    @Autowired
    Applications applications;

    @Autowired
    DeadlineWatch watch;

    @Autowired
    DeadlineExtensions extensions;

    @Autowired
    LockProvider locks;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    @Autowired
    SettableClock clock;

    @Autowired
    MockMvc mvc;

    @AfterEach
    void reset() {
        clock.reset();
    }

    Account candidate() {
        return IdentityFixtures.aCandidate(context);
    }

    Application returned(Account candidate, String examPoint, Instant deadline) {
        return returnedWithDiplomaToReplace(
                applications, String.valueOf(candidate.id()), examPoint, RETURNED_AT, deadline);
    }

    Application returned(Account candidate) {
        return returned(candidate, "2101", DEADLINE);
    }

    ApplicationState stateOf(UUID id) {
        return applications.byId(id).orElseThrow().state();
    }

    int messagesOf(Account candidate, String kind) {
        return jdbc.sql("SELECT COUNT(*) FROM notification_message WHERE candidate_id = :c AND kind = :kind")
                .param("c", String.valueOf(candidate.id()))
                .param("kind", kind)
                .query(Integer.class)
                .single();
    }

    @Test
    void theDeadlineInstantItselfExpiresTheLastDayStillCounts() {
        var candidate = candidate();
        var id = returned(candidate).id();

        watch.expireDue(DEADLINE.minusMillis(1));
        assertThat(stateOf(id)).isEqualTo(ApplicationState.RETURNED);

        var copy = applications.byId(id).orElseThrow();
        assertThatThrownBy(() -> replaceAndResubmit(copy, DEADLINE))
                .isInstanceOf(ApplicationRuleViolation.class)
                .extracting(violation -> ((ApplicationRuleViolation) violation).messageKey())
                .isEqualTo("application.resubmit.deadlinePassed");

        watch.expireDue(DEADLINE);
        assertThat(stateOf(id)).isEqualTo(ApplicationState.EXPIRED);
        assertThat(DecisionNotifications.lastDay(DEADLINE)).isEqualTo("2030-06-10");
        await().atMost(Duration.ofSeconds(10)).until(() -> messagesOf(candidate, "EXPIRED") == 1);

        watch.expireDue(DEADLINE.plus(Duration.ofDays(1)));
        assertThat(stateOf(id)).isEqualTo(ApplicationState.EXPIRED);
        assertThat(audit(id, "APPLICATION_EXPIRED")).isEqualTo(1);
    }

    @Test
    void eachReminderIsSentOnceEvenWhenTheWatchRunsTwice() {
        var candidate = candidate();
        var id = returned(candidate).id();

        watch.remind(DEADLINE.minus(Duration.ofHours(49)));
        assertThat(reminders(id)).isZero();

        watch.remind(DEADLINE.minus(Duration.ofHours(47)));
        watch.remind(DEADLINE.minus(Duration.ofHours(47)));
        watch.remind(DEADLINE.minus(Duration.ofHours(30)));
        assertThat(reminders(id)).isEqualTo(1);

        watch.remind(DEADLINE.minus(Duration.ofHours(23)));
        watch.remind(DEADLINE.minus(Duration.ofHours(23)));
        watch.remind(DEADLINE.minus(Duration.ofHours(1)));
        assertThat(reminders(id)).isEqualTo(2);

        await().atMost(Duration.ofSeconds(10)).until(() -> messagesOf(candidate, "DEADLINE_APPROACHING") == 2);
        var texts = jdbc.sql("SELECT args FROM notification_message WHERE candidate_id = :c AND kind = :k")
                .param("c", String.valueOf(candidate.id()))
                .param("k", "DEADLINE_APPROACHING")
                .query(String.class)
                .list();
        assertThat(texts).anyMatch(args -> args.endsWith("48")).anyMatch(args -> args.endsWith("24"));
        assertThat(texts).allMatch(args -> args.contains("2030-06-10"));
    }

    @Test
    void aCandidateReturnedWithinTheLastDayGetsOnlyTheNearestReminder() {
        var candidate = candidate();
        var id = returned(candidate).id();
        watch.remind(DEADLINE.minus(Duration.ofHours(20)));
        watch.remind(DEADLINE.minus(Duration.ofHours(10)));
        await().atMost(Duration.ofSeconds(10)).until(() -> messagesOf(candidate, "DEADLINE_APPROACHING") == 1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM deadline_reminder WHERE application_id = :id")
                        .param("id", id)
                        .query(Integer.class)
                        .single())
                .as("the 48-hour reminder is recorded as passed, never sent late")
                .isEqualTo(2);
    }

    @Test
    void anExtensionBeforeTheDeadlineIsHonouredAuditedAndNotified() throws Exception {
        var candidate = candidate();
        var id = returned(candidate).id();
        var admin = IdentityFixtures.aStaffMember(context, Role.ADMIN);
        clock.set(DEADLINE.minus(Duration.ofHours(3)));

        mvc.perform(post("/admin/deadlines/applications/{id}", id)
                        .with(authentication(IdentityFixtures.signedIn(admin)))
                        .with(csrf())
                        .param("lastDay", "2030-06-13")
                        .param("examPoint", "2101"))
                .andExpect(status().is3xxRedirection());

        var extended = ExamDays.endOf(LocalDate.of(2030, 6, 13));
        assertThat(applications.byId(id).orElseThrow().revisionDeadline()).contains(extended);
        watch.expireDue(DEADLINE);
        assertThat(stateOf(id)).isEqualTo(ApplicationState.RETURNED);
        assertThat(audit(id, "DEADLINE_EXTENDED")).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> messagesOf(candidate, "DEADLINE_EXTENDED") == 1);

        watch.remind(extended.minus(Duration.ofHours(47)));
        assertThat(reminders(id)).as("the new deadline gets its own reminder").isEqualTo(1);

        watch.expireDue(extended);
        assertThat(stateOf(id)).isEqualTo(ApplicationState.EXPIRED);
    }

    @Test
    void noExtensionOnceTheDeadlinePassed() throws Exception {
        var candidate = candidate();
        var id = returned(candidate).id();
        var admin = IdentityFixtures.aStaffMember(context, Role.ADMIN);
        clock.set(DEADLINE);

        mvc.perform(post("/api/v1/admin/deadlines/applications/{id}", id)
                        .with(authentication(IdentityFixtures.signedIn(admin)))
                        .with(csrf())
                        .contentType("application/json")
                        .content("{\"lastDay\":\"2030-06-13\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("application.extend.alreadyPassed"));
        assertThat(applications.byId(id).orElseThrow().revisionDeadline()).contains(DEADLINE);
        assertThat(audit(id, "DEADLINE_EXTENDED")).isZero();
    }

    @Test
    void anExamPointExtensionMovesEveryReturnedCandidateOfThatPointAndNoOther() throws Exception {
        var point = "T" + ThreadLocalRandom.current().nextInt(10_000, 99_999);
        var first = returned(candidate(), point, DEADLINE).id();
        var second =
                returned(candidate(), point, DEADLINE.minus(Duration.ofDays(1))).id();
        var elsewhere = returned(candidate(), "2102", DEADLINE).id();
        var admin = IdentityFixtures.aStaffMember(context, Role.ADMIN);
        clock.set(DEADLINE.minus(Duration.ofDays(2)));

        mvc.perform(get("/admin/deadlines")
                        .param("examPoint", point)
                        .with(authentication(IdentityFixtures.signedIn(admin))))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(Matchers.containsString(
                                applications.byId(first).orElseThrow().number())));
        mvc.perform(post("/api/v1/admin/deadlines/exam-points/{code}", point)
                        .with(authentication(IdentityFixtures.signedIn(admin)))
                        .with(csrf())
                        .contentType("application/json")
                        .content("{\"lastDay\":\"2030-06-20\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.extended").value(2));

        var extended = ExamDays.endOf(LocalDate.of(2030, 6, 20));
        assertThat(applications.byId(first).orElseThrow().revisionDeadline()).contains(extended);
        assertThat(applications.byId(second).orElseThrow().revisionDeadline()).contains(extended);
        assertThat(applications.byId(elsewhere).orElseThrow().revisionDeadline())
                .contains(DEADLINE);
        assertThat(audit(first, "DEADLINE_EXTENDED")).isEqualTo(1);
        assertThat(audit(second, "DEADLINE_EXTENDED")).isEqualTo(1);
    }

    @Test
    void aResubmissionThatSavesFirstWinsAndTheExpiryGetsAConflict() {
        var candidate = candidate();
        var id = returned(candidate).id();
        var candidatesCopy = applications.byId(id).orElseThrow();
        var jobsCopy = applications.byId(id).orElseThrow();

        replaceAndResubmit(candidatesCopy, DEADLINE.minusSeconds(1));
        applications.save(candidatesCopy);
        jobsCopy.expire(DEADLINE);
        assertThatThrownBy(() -> applications.save(jobsCopy)).isInstanceOf(StaleApplicationException.class);

        watch.expireDue(DEADLINE);
        assertThat(stateOf(id)).isEqualTo(ApplicationState.SUBMITTED);
    }

    @Test
    void anExpiryThatSavesFirstWinsAndTheLateResubmissionGetsAConflict() {
        var candidate = candidate();
        var id = returned(candidate).id();
        var candidatesCopy = applications.byId(id).orElseThrow();
        replaceAndResubmit(candidatesCopy, DEADLINE.minusSeconds(1));

        assertThat(watch.expire(
                        applications.returnedDueBy(DEADLINE, Integer.MAX_VALUE).stream()
                                .filter(due -> due.id().equals(id))
                                .findFirst()
                                .orElseThrow(),
                        DEADLINE))
                .isTrue();
        assertThatThrownBy(() -> applications.save(candidatesCopy)).isInstanceOf(StaleApplicationException.class);
        assertThat(stateOf(id)).isEqualTo(ApplicationState.EXPIRED);
        assertThat(jdbc.sql("SELECT state FROM application WHERE id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("EXPIRED");
    }

    @Test
    void aResubmissionAndTheExpiryRacingOnTwoThreadsNeverBothWin() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 6; round++) {
                var id = returned(candidate()).id();
                var due = applications.returnedDueBy(DEADLINE, Integer.MAX_VALUE).stream()
                        .filter(candidate -> candidate.id().equals(id))
                        .findFirst()
                        .orElseThrow();
                var candidatesCopy = applications.byId(id).orElseThrow();
                replaceAndResubmit(candidatesCopy, DEADLINE.minusMillis(1));
                var start = new java.util.concurrent.CyclicBarrier(2);
                var expiry = pool.submit(() -> {
                    start.await();
                    return watch.expire(due, DEADLINE);
                });
                var resubmission = pool.submit(() -> {
                    start.await();
                    try {
                        applications.save(candidatesCopy);
                        return true;
                    } catch (StaleApplicationException | org.springframework.dao.ConcurrencyFailureException conflict) {
                        return false;
                    }
                });
                boolean expired = expiry.get(30, java.util.concurrent.TimeUnit.SECONDS);
                boolean resubmitted = resubmission.get(30, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(expired ^ resubmitted)
                        .as("round %d: exactly one wins (expired %s, resubmitted %s)", round, expired, resubmitted)
                        .isTrue();
                assertThat(stateOf(id)).isEqualTo(expired ? ApplicationState.EXPIRED : ApplicationState.SUBMITTED);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theJobDoesNothingWhileAnotherNodeHoldsItsLock() {
        var id = returned(candidate()).id();
        clock.set(DEADLINE);
        var held = locks.lock(new LockConfiguration(
                        Instant.now(), "revision-deadlines", Duration.ofMinutes(5), Duration.ZERO))
                .orElseThrow();
        try {
            watch.run();
            assertThat(stateOf(id)).isEqualTo(ApplicationState.RETURNED);
        } finally {
            held.unlock();
        }
        watch.run();
        assertThat(stateOf(id)).isEqualTo(ApplicationState.EXPIRED);
    }

    int reminders(UUID id) {
        return jdbc.sql("SELECT COUNT(*) FROM deadline_reminder WHERE application_id = :id")
                .param("id", id)
                .query(Integer.class)
                .single();
    }

    int audit(UUID id, String action) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE application_id = :id AND action = :action")
                .param("id", id)
                .param("action", action)
                .query(Integer.class)
                .single();
    }
}
