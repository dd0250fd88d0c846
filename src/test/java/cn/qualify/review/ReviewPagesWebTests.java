package cn.qualify.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.qualify.application.ApplicationState;
import cn.qualify.application.ImageCheck;
import cn.qualify.application.ImageChecks;
import cn.qualify.audit.AuditEntry;
import cn.qualify.audit.AuditTrail;
import cn.qualify.identity.Account;
import cn.qualify.shared.ExamDays;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The review screen and its forms as a reviewer uses them, and the audit of every look at the documents. */
@ReviewIntegrationTest
class ReviewPagesWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ReviewFixtures fixtures;

    @Autowired
    ImageChecks imageChecks;

    @Autowired
    AuditTrail audit;

    @Autowired
    PlatformTransactionManager transactions;

    Account reviewer;

    @BeforeEach
    void reviewer() {
        reviewer = fixtures.pointReviewer("2101");
    }

    @Test
    void theScreenShowsRegistrationChecklistReasonsImagesAndFlags() throws Exception {
        var application = fixtures.submitted("2101", "王小明");
        var flagged = application.currentImages("DIPLOMA").get(0);
        imageChecks.record(new ImageCheck(
                flagged.storageKey(), Set.of("BLURRY"), null, fixtures.clock().instant()));

        mvc.perform(get("/review/applications/{id}", application.id()).with(fixtures.as(reviewer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("王小明")))
                .andExpect(content().string(containsString("中国医科大学")))
                .andExpect(content().string(containsString(application.number())))
                .andExpect(content().string(containsString("本科及以上学历报考执业医师")))
                .andExpect(content().string(containsString("试用期考核合格证明")))
                .andExpect(content().string(containsString("可能模糊")))
                .andExpect(content().string(containsString("缺少法人签字或名章")))
                .andExpect(content().string(containsString("/js/review.js")))
                .andExpect(content().string(containsString("data-lease-renew-url")))
                .andExpect(content().string(containsString("name=\"version\" value=\"" + application.version() + "\"")))
                .andExpect(content().string(not(containsString("<script>"))))
                .andExpect(content().string(not(containsString("style=\""))));
    }

    @Test
    void aQueueRowShowsStateRoundFlagsAndDeadlineInThePagesLanguage() throws Exception {
        var resubmitted = fixtures.resubmitted("2101");
        imageChecks.record(new ImageCheck(
                resubmitted.currentImages("DIPLOMA").get(0).storageKey(),
                Set.of("BLURRY"),
                null,
                fixtures.clock().instant()));
        fixtures.refreshQueueEntry(resubmitted);
        var returned = fixtures.returnedForAClearerDiploma("2101");
        var deadline = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .withZone(ExamDays.ZONE)
                .format(returned.revisionDeadline().orElseThrow());

        var year = String.valueOf(ReviewFixtures.YEAR);
        mvc.perform(get("/review")
                        .param("year", year)
                        .param("q", resubmitted.number())
                        .with(fixtures.as(reviewer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/review/applications/" + resubmitted.id())))
                .andExpect(content().string(containsString(">待考点审核<")))
                .andExpect(content().string(containsString(">第 2 次提交<")))
                .andExpect(content().string(containsString(">可能模糊<")));
        mvc.perform(get("/review")
                        .param("year", year)
                        .param("q", resubmitted.number())
                        .param("lang", "en")
                        .with(fixtures.as(reviewer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(">Waiting for exam point review<")))
                .andExpect(content().string(containsString(">Submission 2<")))
                .andExpect(content().string(containsString(">Possibly blurry<")));
        mvc.perform(get("/review")
                        .param("year", year)
                        .param("state", "RETURNED")
                        .param("q", returned.number())
                        .with(fixtures.as(reviewer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(">退回修改<")))
                .andExpect(content().string(containsString(">截止 " + deadline + "<")))
                .andExpect(content().string(not(containsString("次提交<"))));
    }

    @Test
    void aResubmittedMaterialShowsTheEarlierVersionBesideTheNewOne() throws Exception {
        var application = fixtures.resubmitted("2101");
        var earlier = application.allImages().stream()
                .filter(image -> image.material().equals("DIPLOMA") && !image.isCurrent())
                .findFirst()
                .orElseThrow();
        var current = application.currentImages("DIPLOMA").get(0);
        mvc.perform(get("/review/applications/{id}", application.id()).with(fixtures.as(reviewer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("更换前的版本（1）")))
                .andExpect(content().string(containsString("/images/" + earlier.id())))
                .andExpect(content().string(containsString("/images/" + current.id())))
                .andExpect(content().string(containsString("第 2 次提交")));
        mvc.perform(get("/review/applications/{id}/images/{image}", application.id(), earlier.id())
                        .with(fixtures.as(reviewer)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"));
    }

    @Test
    void reviewingThroughTheFormsReturnsTheCandidate() throws Exception {
        var application = fixtures.submitted("2101");
        var as = fixtures.as(reviewer);
        mvc.perform(get("/review/applications/{id}", application.id()).with(as)).andExpect(status().isOk());

        mvc.perform(post("/review/applications/{id}/materials/ID_PROOF", application.id())
                        .with(as)
                        .with(csrf())
                        .param("version", String.valueOf(application.version()))
                        .param("verdict", "ACCEPTED"))
                .andExpect(redirectedUrl("/review/applications/" + application.id()));
        var afterAccept = fixtures.reload(application);
        mvc.perform(post("/review/applications/{id}/materials/DIPLOMA", application.id())
                        .with(as)
                        .with(csrf())
                        .param("version", String.valueOf(afterAccept.version()))
                        .param("verdict", "REPLACEMENT_REQUESTED")
                        .param("reasons", "MISSING_STAMP", "MISSING_LEGAL_REPRESENTATIVE_SIGNATURE")
                        .param("message", "请补盖公章")
                        .param("note", "与去年材料对比"))
                .andExpect(redirectedUrl("/review/applications/" + application.id()));

        var page = mvc.perform(
                        get("/review/applications/{id}", application.id()).with(as))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("内部备注：与去年材料对比")))
                .andExpect(content().string(containsString("缺少公章、缺少法人签字或名章")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("以下材料被要求更换：毕业证书");

        var beforeReturn = fixtures.reload(application);
        mvc.perform(post("/review/applications/{id}/return", application.id())
                        .with(as)
                        .with(csrf())
                        .param("version", String.valueOf(beforeReturn.version()))
                        .param(
                                "lastDay",
                                ExamDays.lastDayBefore(
                                                fixtures.clock().instant().plusSeconds(5 * 86_400))
                                        .toString()))
                .andExpect(redirectedUrl("/review"))
                .andExpect(flash().attribute("flashSuccess", "已退回考生修改。"));
        assertThat(fixtures.reload(application).state()).isEqualTo(ApplicationState.RETURNED);
    }

    @Test
    void aStalePageGetsAConflictMessageAndChangesNothing() throws Exception {
        var application = fixtures.submitted("2101");
        var as = fixtures.as(reviewer);
        mvc.perform(get("/review/applications/{id}", application.id()).with(as)).andExpect(status().isOk());
        mvc.perform(post("/review/applications/{id}/materials/DIPLOMA", application.id())
                        .with(as)
                        .with(csrf())
                        .param("version", String.valueOf(application.version()))
                        .param("verdict", "ACCEPTED"))
                .andExpect(redirectedUrl("/review/applications/" + application.id()));

        mvc.perform(post("/review/applications/{id}/recommendation", application.id())
                        .with(as)
                        .with(csrf())
                        .param("version", String.valueOf(application.version()))
                        .param("outcome", "FAIL")
                        .param("reason", "学历不符"))
                .andExpect(redirectedUrl("/review/applications/" + application.id()))
                .andExpect(flash().attribute("flashError", containsString("页面已过时")));
        assertThat(fixtures.reload(application).state()).isEqualTo(ApplicationState.SUBMITTED);

        mvc.perform(post("/review/applications/{id}/recommendation", application.id())
                        .with(as)
                        .with(csrf())
                        .param("outcome", "FAIL"))
                .andExpect(flash().attribute("flashError", "页面缺少版本信息，请刷新后重试。"));
        mvc.perform(post("/review/applications/{id}/return", application.id())
                        .with(as)
                        .with(csrf())
                        .param(
                                "version",
                                String.valueOf(fixtures.reload(application).version()))
                        .param("lastDay", "2025-13-45"))
                .andExpect(flash().attribute("flashError", "日期格式无效，请按“年-月-日”填写。"));
        assertThat(fixtures.reload(application).state()).isEqualTo(ApplicationState.SUBMITTED);
    }

    @Test
    void everyViewOfTheDocumentsIsAuditedWithWhoWhenAndFromWhere() throws Exception {
        var application = fixtures.submitted("2101");
        var image = application.currentImages("ID_PROOF").get(1);
        mvc.perform(get("/review/applications/{id}", application.id())
                        .with(fixtures.as(reviewer))
                        .with(ReviewFixtures.from("10.21.1.7")))
                .andExpect(status().isOk());
        var bytes = mvc.perform(get("/review/applications/{id}/images/{image}", application.id(), image.id())
                        .with(fixtures.as(reviewer))
                        .with(ReviewFixtures.from("10.21.1.8")))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(bytes).startsWith(0x89, 'P', 'N', 'G');

        var views = new TransactionTemplate(transactions)
                .execute(status -> audit.ofApplication(application.id())).stream()
                        .filter(entry -> entry.action().equals("DOCUMENT_VIEWED"))
                        .toList();
        assertThat(views)
                .extracting(AuditEntry::actorId, AuditEntry::address)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(String.valueOf(reviewer.id()), "10.21.1.7"),
                        org.assertj.core.groups.Tuple.tuple(String.valueOf(reviewer.id()), "10.21.1.8"));
        assertThat(views.get(1).details()).contains("ID_PROOF", image.id().toString());

        mvc.perform(get("/review/applications/{id}/history", application.id()).with(fixtures.as(reviewer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("查看材料")))
                .andExpect(content().string(containsString("提交审核")))
                .andExpect(content().string(containsString("10.21.1.8")))
                .andExpect(content().string(containsString(reviewer.displayName())));
    }

    @Test
    void theScreenIsAlsoInEnglish() throws Exception {
        var application = fixtures.submitted("2101");
        mvc.perform(get("/review/applications/{id}", application.id())
                        .param("lang", "en")
                        .with(fixtures.as(reviewer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Registration info")))
                .andExpect(content().string(containsString("Request a replacement")));
    }

    @Test
    void aScreenWithoutRegistrationInfoSaysSo() throws Exception {
        var application = fixtures.inOfflineReview("2101");
        fixtures.forgetRegistration(application);
        mvc.perform(get("/review/applications/{id}", application.id()).with(fixtures.as(reviewer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("未填写")))
                .andExpect(content().string(containsString("纸质材料审核结果")));
    }
}
