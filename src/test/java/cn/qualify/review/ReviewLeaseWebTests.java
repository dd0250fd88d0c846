package cn.qualify.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.qualify.application.Actor;
import cn.qualify.application.Application;
import cn.qualify.application.ApplicationState;
import cn.qualify.audit.AuditEntry;
import cn.qualify.audit.AuditTrail;
import cn.qualify.identity.Account;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Leases: opening a candidate claims it for 15 minutes, renewed while the reviewer works; nobody else decides it
 * meanwhile; an expired or released lease is free; a district reviewer can take it over.
 */
@ReviewIntegrationTest
class ReviewLeaseWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ReviewFixtures fixtures;

    @Autowired
    TestClock clock;

    @Autowired
    ReviewLeases leases;

    @Autowired
    AuditTrail audit;

    @Autowired
    PlatformTransactionManager transactions;

    Account first;
    Account second;
    Application application;

    @BeforeEach
    void twoReviewersOfOnePoint() {
        first = fixtures.pointReviewer("2101");
        second = fixtures.pointReviewer("2101");
        application = fixtures.submitted("2101");
    }

    ResultActions claim(Account reviewer) throws Exception {
        return mvc.perform(post("/api/v1/review/applications/{id}/lease", application.id())
                .with(fixtures.as(reviewer))
                .with(csrf()));
    }

    ResultActions failAtExamPoint(Account reviewer) throws Exception {
        return mvc.perform(post("/api/v1/review/applications/{id}/recommendation", application.id())
                .with(fixtures.as(reviewer))
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":%d,\"outcome\":\"FAIL\",\"reason\":\"学历不符\"}"
                        .formatted(fixtures.reload(application).version())));
    }

    @Test
    void openingACandidateClaimsItAndTheSecondReviewerCanOnlyLook() throws Exception {
        mvc.perform(get("/review/applications/{id}", application.id()).with(fixtures.as(first)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("您正在审核该考生")))
                .andExpect(content().string(containsString("/materials/DIPLOMA")));

        mvc.perform(get("/review/applications/{id}", application.id()).with(fixtures.as(second)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(first.displayName() + " 正在审核该考生")))
                .andExpect(content().string(not(containsString("/materials/DIPLOMA"))))
                .andExpect(content().string(not(containsString("/lease/takeover"))));

        claim(second)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("review.lease.heldByOther"))
                .andExpect(jsonPath("$.detail").value(containsString(first.displayName())));

        mvc.perform(post("/review/applications/{id}/recommendation", application.id())
                        .with(fixtures.as(second))
                        .with(csrf())
                        .param("version", String.valueOf(application.version()))
                        .param("outcome", "FAIL")
                        .param("reason", "学历不符"))
                .andExpect(redirectedUrl("/review/applications/" + application.id()))
                .andExpect(flash().attribute("flashError", containsString(first.displayName() + " 正在审核该考生")));
        failAtExamPoint(second).andExpect(status().isConflict());

        var unchanged = fixtures.reload(application);
        assertThat(unchanged.state()).isEqualTo(ApplicationState.SUBMITTED);
        assertThat(unchanged.version()).isEqualTo(application.version());

        failAtExamPoint(first)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("POINT_FAILED"));
    }

    @Test
    void aDecisionWithoutClaimingFirstIsRefused() throws Exception {
        failAtExamPoint(first)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("review.lease.required"))
                .andExpect(jsonPath("$.detail").value(containsString("重新打开该考生")));
        assertThat(fixtures.reload(application).state()).isEqualTo(ApplicationState.SUBMITTED);
    }

    @Test
    void anExpiredLeaseIsFreeForTheNextReviewer() throws Exception {
        claim(first).andExpect(status().isOk()).andExpect(jsonPath("$.holder").value(first.displayName()));
        clock.advance(Duration.ofMinutes(14));
        claim(second).andExpect(status().isConflict());

        clock.advance(Duration.ofMinutes(2));
        claim(second).andExpect(status().isOk()).andExpect(jsonPath("$.holder").value(second.displayName()));
        failAtExamPoint(first)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("review.lease.heldByOther"));
        assertThat(fixtures.reload(application).state()).isEqualTo(ApplicationState.SUBMITTED);
    }

    @Test
    void aLeaseThatRanOutMustBeClaimedAgainBeforeDeciding() throws Exception {
        claim(first).andExpect(status().isOk());
        clock.advance(Duration.ofMinutes(16));
        failAtExamPoint(first)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("review.lease.required"));
        claim(first).andExpect(status().isOk());
        failAtExamPoint(first).andExpect(status().isOk());
    }

    @Test
    void workingRenewsTheLease() throws Exception {
        claim(first).andExpect(status().isOk());
        clock.advance(Duration.ofMinutes(10));
        mvc.perform(post("/review/applications/{id}/lease/renew", application.id())
                        .with(fixtures.as(first))
                        .with(csrf()))
                .andExpect(status().isNoContent());
        clock.advance(Duration.ofMinutes(10));
        claim(second).andExpect(status().isConflict());
        mvc.perform(post("/review/applications/{id}/lease/renew", application.id())
                        .with(fixtures.as(second))
                        .with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString(first.displayName())));
    }

    @Test
    void aReleasedLeaseIsFree() throws Exception {
        claim(first).andExpect(status().isOk());
        mvc.perform(delete("/api/v1/review/applications/{id}/lease", application.id())
                        .with(fixtures.as(first))
                        .with(csrf()))
                .andExpect(status().isNoContent());
        mvc.perform(delete("/api/v1/review/applications/{id}/lease", application.id())
                        .with(fixtures.as(first))
                        .with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("review.lease.notHeld"));
        claim(second).andExpect(status().isOk());

        mvc.perform(post("/review/applications/{id}/lease/release", application.id())
                        .with(fixtures.as(second))
                        .with(csrf()))
                .andExpect(redirectedUrl("/review"))
                .andExpect(flash().attribute("flashSuccess", containsString("已结束审核")));
        claim(first).andExpect(status().isOk());
    }

    @Test
    void aDistrictReviewerTakesOverAndThePreviousHolderCanNoLongerDecide() throws Exception {
        var district = fixtures.districtReviewer();
        claim(first).andExpect(status().isOk());

        mvc.perform(get("/review/applications/{id}", application.id()).with(fixtures.as(district)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/lease/takeover")));
        mvc.perform(post("/api/v1/review/applications/{id}/lease/takeover", application.id())
                        .with(fixtures.as(district))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.holder").value(district.displayName()));

        failAtExamPoint(first).andExpect(status().isConflict());
        assertThat(fixtures.reload(application).state()).isEqualTo(ApplicationState.SUBMITTED);
        failAtExamPoint(district).andExpect(status().isOk());

        var history = new TransactionTemplate(transactions).execute(status -> audit.ofApplication(application.id()));
        assertThat(history)
                .filteredOn(entry -> entry.action().equals("LEASE_TAKEN_OVER"))
                .singleElement()
                .extracting(AuditEntry::actorName, AuditEntry::details)
                .containsExactly(district.displayName(), "from " + first.displayName() + " (" + first.id() + ")");
    }

    @Test
    void onlyADistrictReviewerTakesOver() throws Exception {
        claim(first).andExpect(status().isOk());
        mvc.perform(post("/api/v1/review/applications/{id}/lease/takeover", application.id())
                        .with(fixtures.as(second))
                        .with(csrf()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("review.lease.takeOverDistrictOnly"));
        claim(second).andExpect(status().isConflict());
    }

    @Test
    void aDecisionEndsTheLeaseSoThatTheNextLevelCanClaim() throws Exception {
        var passed = fixtures.passedAtExamPoint("2101");
        var district = fixtures.districtReviewer();
        mvc.perform(post("/api/v1/review/applications/{id}/lease", passed.id())
                        .with(fixtures.as(first))
                        .with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("review.lease.nothingToDecide"));
        mvc.perform(post("/api/v1/review/applications/{id}/lease", passed.id())
                        .with(fixtures.as(district))
                        .with(csrf()))
                .andExpect(status().isOk());
    }

    @Test
    void reviewersRacingForOneCandidateEndWithOneHolder() throws Exception {
        int racers = 6;
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(racers);
        try {
            var results = new ArrayList<Future<Boolean>>();
            for (int i = 0; i < racers; i++) {
                var actor = new Actor("racer-" + i, "审核员" + i);
                Callable<Boolean> race = () -> {
                    start.await();
                    return leases.claim(application.id(), actor, clock.instant())
                            .isPresent();
                };
                results.add(pool.submit(race));
            }
            start.countDown();
            int winners = 0;
            for (var result : results) {
                winners += result.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
            assertThat(leases.active(application.id(), clock.instant())).isPresent();
        } finally {
            pool.shutdownNow();
        }
    }
}
