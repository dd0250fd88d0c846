package cn.qualify.review;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import cn.qualify.application.Actor;
import cn.qualify.application.Application;
import cn.qualify.application.Applications;
import cn.qualify.application.MaterialImage.StoredImage;
import cn.qualify.application.MaterialReview;
import cn.qualify.application.MaterialReview.Verdict;
import cn.qualify.identity.Account;
import cn.qualify.identity.Accounts;
import cn.qualify.identity.Role;
import cn.qualify.materials.DocumentStore;
import cn.qualify.materials.StorageKey;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Reviewers and applications for review tests. Reviewers are stored accounts that log in through the real
 * authentication provider; applications reach their state through the aggregate's real transitions. Each test run
 * uses an exam year of its own, so that queues show only this run's applications in a database that other test
 * classes share.
 */
class ReviewFixtures {

    static final String PASSWORD = "review test password";
    static final int YEAR = 3000 + new SecureRandom().nextInt(6000);
    static final Actor SETUP = new Actor("setup", "测试准备");
    private static final SecureRandom random = new SecureRandom();
    private static final AtomicLong candidates = new AtomicLong(9_000_000_000L + random.nextInt(1_000_000) * 1000L);

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final AuthenticationProvider logIn;
    private final String passwordHash;
    private final Applications applications;
    private final DocumentStore documents;
    private final TestRegistrations registrations;
    private final ReviewQueueEntries queueEntries;
    private final Clock clock;
    private final Map<Long, Authentication> signedIn = new ConcurrentHashMap<>();

    ReviewFixtures(
            JdbcClient jdbc,
            Accounts accounts,
            AuthenticationProvider logIn,
            PasswordEncoder encoder,
            Applications applications,
            DocumentStore documents,
            TestRegistrations registrations,
            ReviewQueueEntries queueEntries,
            Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.logIn = logIn;
        this.passwordHash = encoder.encode(PASSWORD);
        this.applications = applications;
        this.documents = documents;
        this.registrations = registrations;
        this.queueEntries = queueEntries;
        this.clock = clock;
    }

    // ---- reviewers ------------------------------------------------------------------------------------------

    Account pointReviewer(String... examPoints) {
        return staff(Role.POINT_REVIEWER, "考点审核员", examPoints);
    }

    Account districtReviewer() {
        return staff(Role.DISTRICT_REVIEWER, "考区审核员");
    }

    Account staff(Role role, String name, String... examPoints) {
        var loginName = "rv" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
        var now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO account (login_name, login_key, display_name, phone_verified, password_hash, role,
                            enabled, created_at, updated_at)
                        VALUES (:login, :login, :name, FALSE, :hash, :role, TRUE, :now, :now)
                        """)
                .param("login", loginName)
                .param("name", name + loginName.substring(2, 6))
                .param("hash", passwordHash)
                .param("role", role.name())
                .param("now", now)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        for (String point : examPoints) {
            jdbc.sql("INSERT INTO account_exam_point (account_id, exam_point_code) VALUES (:id, :point)")
                    .param("id", id)
                    .param("point", point)
                    .update();
        }
        return accounts.byId(id).orElseThrow();
    }

    /** The request as the reviewer, logged in through the real authentication provider. */
    RequestPostProcessor as(Account reviewer) {
        var auth = signedIn.computeIfAbsent(
                reviewer.id(),
                id -> logIn.authenticate(
                        UsernamePasswordAuthenticationToken.unauthenticated(reviewer.loginName(), PASSWORD)));
        return authentication(auth);
    }

    /** The request from a client address of its own. */
    static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    // ---- applications ---------------------------------------------------------------------------------------

    long newCandidateId() {
        return candidates.incrementAndGet();
    }

    /** A candidate's application with three ID proof images and a diploma, submitted for review. */
    Application submitted(String examPoint) {
        return submitted(examPoint, "考生" + random.nextInt(1_000_000));
    }

    Application submitted(String examPoint, String name) {
        var application = submittedWithoutRefresh(examPoint, name);
        queueEntries.refresh(application.id());
        return application;
    }

    /** A candidate's own account (role CANDIDATE) that can log in, for the candidate's pages. */
    Account candidateAccount(String name) {
        return staff(Role.CANDIDATE, name);
    }

    /** The application of that candidate account, submitted for review. */
    Application submittedBy(Account candidate, String examPoint) {
        var application = submitted(examPoint, candidate.displayName(), candidate.id());
        queueEntries.refresh(application.id());
        return application;
    }

    static Actor actor(Account account) {
        return new Actor(String.valueOf(account.id()), account.displayName());
    }

    private Application submittedWithoutRefresh(String examPoint, String name) {
        return submitted(examPoint, name, newCandidateId());
    }

    private Application submitted(String examPoint, String name, long candidate) {
        registrations.register(candidate, YEAR, name, idNumber(candidate), examPoint);
        var application = applications.open(String.valueOf(candidate), YEAR, examPoint, false);
        for (int i = 0; i < 3; i++) {
            application.addImage("ID_PROOF", storedImage(), 3, clock.instant());
        }
        application.addImage("DIPLOMA", storedImage(), 4, clock.instant());
        application = applications.save(application);
        application.submit(List.of(), new Actor(String.valueOf(candidate), name), clock.instant());
        return applications.save(application);
    }

    static String idNumber(long candidate) {
        return "2101021995" + String.format("%08d", candidate % 100_000_000L);
    }

    /** An active-duty military candidate: nothing uploaded, paper materials reviewed offline (二.10). */
    Application inOfflineReview(String examPoint) {
        long candidate = newCandidateId();
        registrations.register(candidate, YEAR, "军人考生", idNumber(candidate), examPoint);
        var application = applications.open(String.valueOf(candidate), YEAR, examPoint, true);
        application.submit(List.of(), new Actor(String.valueOf(candidate), "军人考生"), clock.instant());
        return applications.save(application);
    }

    Application passedAtExamPoint(String examPoint) {
        var application = submitted(examPoint);
        application.reviewMaterial(decision("ID_PROOF", Verdict.ACCEPTED));
        application.reviewMaterial(decision("DIPLOMA", Verdict.ACCEPTED));
        application.decideAtExamPoint(true, "", SETUP, clock.instant());
        return applications.save(application);
    }

    Application failedAtExamPoint(String examPoint) {
        var application = submitted(examPoint);
        application.decideAtExamPoint(false, "学历不符合报考条件", SETUP, clock.instant());
        return applications.save(application);
    }

    Application returnedForAClearerDiploma(String examPoint) {
        var application = submitted(examPoint);
        application.reviewMaterial(decision("ID_PROOF", Verdict.ACCEPTED));
        application.reviewMaterial(decision("DIPLOMA", Verdict.REPLACEMENT_REQUESTED));
        application.returnForRevision(SETUP, clock.instant().plusSeconds(3 * 86_400), clock.instant());
        return applications.save(application);
    }

    /** Returned for a clearer diploma, replaced by the candidate and submitted again (round 2). */
    Application resubmitted(String examPoint) {
        var application = returnedForAClearerDiploma(examPoint);
        var old = application.currentImages("DIPLOMA").get(0);
        application.removeImage(old.id(), clock.instant());
        application.addImage("DIPLOMA", storedImage(), 4, clock.instant());
        application.resubmit(List.of(), new Actor(application.candidateId(), "考生"), clock.instant());
        application = applications.save(application);
        queueEntries.refresh(application.id());
        return application;
    }

    Application approved(String examPoint) {
        var application = passedAtExamPoint(examPoint);
        application.decideFinally(true, "", new Actor("setup-district", "考区"), clock.instant());
        return applications.save(application);
    }

    void refreshQueueEntry(Application application) {
        queueEntries.refresh(application.id());
    }

    TestClock clock() {
        return (TestClock) clock;
    }

    Application save(Application application) {
        return applications.save(application);
    }

    /** As if the candidate had never filled in the registration info. */
    void forgetRegistration(Application application) {
        registrations.forget(Long.parseLong(application.candidateId()), application.examYear());
    }

    Application reload(Application application) {
        return applications.byId(application.id()).orElseThrow();
    }

    MaterialReview decision(String material, Verdict verdict) {
        return new MaterialReview(
                material,
                verdict,
                verdict == Verdict.ACCEPTED ? List.of() : List.of("UNCLEAR"),
                "",
                "",
                SETUP,
                clock.instant(),
                0);
    }

    /** A small PNG, really stored, so that the review screen can serve it. */
    StoredImage storedImage() {
        var bytes = png();
        var key = StorageKey.newKey(YEAR);
        var stored = documents.put(key, bytes);
        return new StoredImage(key.value(), stored.sha256(), stored.size(), 4, 3);
    }

    static byte[] png() {
        try {
            var image = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
            image.setRGB(1, 1, random.nextInt(0xFFFFFF));
            var out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
