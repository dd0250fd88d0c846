package cn.qualify.candidate;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qualify.application.ApplicationState;
import cn.qualify.application.Applications;
import cn.qualify.audit.AuditTrail;
import cn.qualify.identity.Account;
import cn.qualify.identity.IdentityFixtures;
import cn.qualify.identity.Role;
import cn.qualify.registration.RegistrationSaved;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A candidate who names another exam point in the registration info takes the draft application along, over real
 * HTTP with the real registration module; the reviewers' queues and scopes follow. The same context as
 * {@code ApplicationSmokeTests}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
class ExamPointMoveIntegrationTests {

    static final String REGISTRATION = """
            {"phone": "13800005678", "email": "li.na@example.com", "school": "中国医科大学",
             "major": "临床医学", "examPointCode": "%s",
             "facts": {"examLevel": "PHYSICIAN", "category": "CLINICAL", "education": "BACHELOR",
                       "graduationDate": "2023-07-01", "probationPost": "GENERAL",
                       "institution": {"name": "大连市中心医院", "type": "GENERAL", "licenseChanged": false},
                       "workUnits": [{"name": "大连市中心医院", "type": "GENERAL", "from": "2023-08-01"}]}}
            """;

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    Applications applications;

    @Autowired
    AuditTrail audit;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Clock clock;

    Account candidate;
    CandidateClient browser;

    @BeforeEach
    void aCandidateWithADraftAtShenyang() {
        var signedIn = SignedInCandidate.anUnregistered(context, port);
        candidate = signedIn.account();
        browser = signedIn.browser();
        var saved = browser.json("PUT", "/api/v1/candidate/registration", REGISTRATION.formatted("2101"));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(browser.api("GET", "/api/v1/candidate/application").statusCode())
                .isEqualTo(200);
        assertThat(application().examPointCode()).isEqualTo("2101");
    }

    @Test
    void theDraftMovesWithItsImagesAndTheReviewersOfTheNewExamPointSeeIt() {
        assertThat(browser.uploadWithApi("ID_PROOF", "id.jpg", cn.qualify.materials.TestImages.aPhoneJpeg())
                        .statusCode())
                .isEqualTo(201);
        var number = application().number();

        var moved = browser.json("PUT", "/api/v1/candidate/registration", REGISTRATION.formatted("2102"));
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);

        var draft = application();
        assertThat(draft.examPointCode()).isEqualTo("2102");
        assertThat(draft.state()).isEqualTo(ApplicationState.DRAFT);
        assertThat(draft.number()).as("the number stays as issued").isEqualTo(number);
        assertThat(draft.currentImages("ID_PROOF")).hasSize(1);
        assertThat(audit.ofApplication(draft.id())).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo("EXAM_POINT_CHANGED");
            assertThat(entry.details()).contains("2101", "2102");
            assertThat(entry.actorId()).isEqualTo(String.valueOf(candidate.id()));
        });

        draft.submit(List.of(), CandidateJourney.actor(candidate), clock.instant());
        applications.save(draft);

        var dalian = reviewer("2102");
        var shenyang = reviewer("2101");
        assertThat(dalian.get("/api/v1/review/applications?q=" + number).body())
                .contains(draft.id().toString(), "\"examPointCode\":\"2102\"");
        assertThat(shenyang.get("/api/v1/review/applications?q=" + number).body())
                .doesNotContain(draft.id().toString());
        assertThat(dalian.get("/api/v1/review/applications/" + draft.id()).statusCode())
                .isEqualTo(200);
        assertThat(shenyang.get("/api/v1/review/applications/" + draft.id()).statusCode())
                .isEqualTo(404);
    }

    @Test
    void aSubmittedApplicationStaysWhereItWas() {
        var draft = application();
        draft.submit(List.of(), CandidateJourney.actor(candidate), clock.instant());
        applications.save(draft);

        var refused = browser.json("PUT", "/api/v1/candidate/registration", REGISTRATION.formatted("2102"));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("APPLICATION_SUBMITTED");

        // an administrator's import may still name another exam point: the submitted application does not move
        transactions.executeWithoutResult(status -> events.publishEvent(
                new RegistrationSaved(candidate.id(), 2025, "2102", "2101", true, clock.instant())));
        var submitted = application();
        assertThat(submitted.examPointCode()).isEqualTo("2101");
        assertThat(submitted.state()).isEqualTo(ApplicationState.SUBMITTED);
        assertThat(audit.ofApplication(submitted.id()))
                .noneMatch(entry -> entry.action().equals("EXAM_POINT_CHANGED"));
    }

    @Test
    void savingTheSameExamPointAgainMovesNothing() {
        var before = application();
        var again = browser.json("PUT", "/api/v1/candidate/registration", REGISTRATION.formatted("2101"));
        assertThat(again.statusCode()).isEqualTo(200);
        var after = application();
        assertThat(after.examPointCode()).isEqualTo("2101");
        assertThat(after.version()).as("the draft was not saved").isEqualTo(before.version());
    }

    private cn.qualify.application.Application application() {
        return applications.ofCandidate(String.valueOf(candidate.id()), 2025).orElseThrow();
    }

    private CandidateClient reviewer(String examPoint) {
        var account = IdentityFixtures.aStaffMember(context, Role.POINT_REVIEWER, examPoint);
        return new CandidateClient(port).logIn(account.loginName(), IdentityFixtures.PASSWORD);
    }
}
