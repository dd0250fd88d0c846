package cn.qualify.candidate;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qualify.application.Actor;
import cn.qualify.application.Applications;
import cn.qualify.application.MaterialReview;
import cn.qualify.identity.Account;
import cn.qualify.identity.IdentityFixtures;
import cn.qualify.materials.TestImages;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * The upload page served again from its last rendering (shared.web.RenderedPageMemo) while nothing on it changed,
 * and rendered anew as soon as anything did: over real HTTP against the running server, its session store and its
 * database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestRegistrations.class)
class RenderedPageMemoIntegrationTests {

    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    Applications applications;

    @Autowired
    MeterRegistry meters;

    @Autowired
    Clock clock;

    Account candidate;
    CandidateClient browser;

    @BeforeEach
    void aRegisteredBachelorLoggedIn() {
        var signedIn = SignedInCandidate.aRegisteredBachelor(context, port);
        candidate = signedIn.account();
        browser = signedIn.browser();
    }

    @Test
    void anUnchangedPageIsServedAgainAndItsTokenStillWorks() {
        var first = browser.get("/candidate/materials").body();
        double hitsBefore = count("hit");

        var again = browser.get("/candidate/materials");

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(again.body())
                .as("the same bytes, down to the CSRF token that a new rendering would mask anew")
                .isEqualTo(first);
        assertThat(count("hit")).isEqualTo(hitsBefore + 1);

        browser.refreshCsrf("/candidate/materials");
        assertThat(browser.csrfToken()).isEqualTo(csrfOf(first));
        assertThat(count("hit")).isEqualTo(hitsBefore + 2);
        assertThat(browser.uploadWithForm("ID_PROOF", "id.jpg", TestImages.aPhoneJpeg())
                        .statusCode())
                .as("the page's form, with the token of the page served again, is accepted")
                .isEqualTo(302);
    }

    @Test
    void anUploadShowsOnTheNextRefresh() {
        assertThat(browser.get("/candidate/materials").body()).contains("已传 0/3");
        browser.get("/candidate/materials");
        double missesBefore = count("miss");

        assertThat(browser.uploadWithApi("ID_PROOF", "id.jpg", TestImages.aPhoneJpeg())
                        .statusCode())
                .isEqualTo(201);

        assertThat(browser.get("/candidate/materials").body()).contains("已传 1/3");
        assertThat(count("miss")).isGreaterThan(missesBefore);
    }

    @Test
    void aReviewersDecisionMadeElsewhereShowsOnTheNextRefresh() {
        browser.uploadTheChecklistAndSubmit();
        browser.awaitEveryImageChecked();
        var before = browser.get("/candidate/materials").body();
        assertThat(browser.get("/candidate/materials").body()).isEqualTo(before);

        var application =
                applications.ofCandidate(String.valueOf(candidate.id()), 2025).orElseThrow();
        application.reviewMaterial(new MaterialReview(
                "ID_PROOF",
                MaterialReview.Verdict.REPLACEMENT_REQUESTED,
                List.of("UNCLEAR"),
                "照片模糊，请重新拍摄",
                "内部备注",
                new Actor("r-2101", "沈阳审核员"),
                clock.instant(),
                0));
        applications.save(application);

        assertThat(browser.get("/candidate/materials").body())
                .as("the decision was stored without a request of this session, and the page shows it at once")
                .contains("照片模糊，请重新拍摄")
                .isNotEqualTo(before);
    }

    @Test
    void anotherSessionOfTheSameCandidateGetsAPageOfItsOwn() {
        var page = browser.get("/candidate/materials").body();
        browser.get("/candidate/materials");
        var elsewhere = new CandidateClient(port).logIn(candidate.loginName(), IdentityFixtures.PASSWORD);

        var theirs = elsewhere.get("/candidate/materials").body();

        assertThat(csrfOf(theirs))
                .as("each session's page carries its own session's token")
                .isNotEqualTo(csrfOf(page));
        assertThat(elsewhere
                        .uploadWithForm("ID_PROOF", "id.jpg", TestImages.aPhoneJpeg())
                        .statusCode())
                .isEqualTo(302);
    }

    @Test
    void anotherLanguageIsRenderedInThatLanguage() {
        assertThat(browser.get("/candidate/materials").body()).contains("lang=\"zh-CN\"");
        browser.get("/candidate/materials");

        assertThat(browser.get("/candidate/materials?lang=en").body()).contains("lang=\"en\"");
        assertThat(browser.get("/candidate/materials").body())
                .as("the language chosen stays, and its page is not the one remembered in Chinese")
                .contains("lang=\"en\"");
    }

    private double count(String result) {
        var counter = meters.find("qualify.pages.memo").tag("result", result).counter();
        return counter == null ? 0 : counter.count();
    }

    private static String csrfOf(String page) {
        var matcher = CSRF_META.matcher(page);
        assertThat(matcher.find()).as("the page publishes its CSRF token").isTrue();
        return matcher.group(1);
    }
}
