package cn.qualify.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementSetter;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The session store spared the writes and reads a request does not need, on the application's database: the
 * unchanged session it does not write until its recorded last access is a minute old, the one read it answers from
 * memory, the reads it must leave to the store, and the request boundary that forgets what it saved.
 */
@IdentityIntegrationTest
class SparingSessionRepositoryTests {

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    FindByIndexNameSessionRepository<?> applicationSessions;

    @Autowired
    MockMvc mvc;

    /** Counts the reads and the writes that reach the database. */
    final AtomicInteger storeReads = new AtomicInteger();

    final AtomicInteger storeWrites = new AtomicInteger();

    /** Counts the transactions the store runs (Spring Session runs every call through its transactions). */
    final AtomicInteger storeTransactions = new AtomicInteger();

    JdbcIndexedSessionRepository store;
    SparingSessionRepository sessions;

    @BeforeEach
    void countingStore() {
        var jdbc = new JdbcTemplate(dataSource) {
            @Override
            public <T> T query(String sql, PreparedStatementSetter setter, ResultSetExtractor<T> extractor) {
                storeReads.incrementAndGet();
                return super.query(sql, setter, extractor);
            }

            @Override
            public int update(String sql, PreparedStatementSetter setter) {
                storeWrites.incrementAndGet();
                return super.update(sql, setter);
            }
        };
        var template = new TransactionTemplate(transactions) {
            @Override
            public <T> T execute(TransactionCallback<T> action) {
                storeTransactions.incrementAndGet();
                return super.execute(action);
            }
        };
        template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        var sessionTransactions = new SessionTransactions(() -> template);
        store = new JdbcIndexedSessionRepository(jdbc, sessionTransactions);
        sessions = SparingSessionRepository.wrapping(store, Duration.ofMinutes(1), sessionTransactions);
    }

    @Test
    void anUnchangedSessionIsWrittenOnlyOnceItsRecordedLastAccessIsAMinuteOld() {
        var created = sessions.createSession();
        var start = Instant.now().truncatedTo(ChronoUnit.MILLIS); // what the store keeps
        created.setLastAccessedTime(start);
        int writesBefore = storeWrites.get();
        sessions.save(created);
        assertThat(storeWrites.get()).as("a new session is written").isGreaterThan(writesBefore);

        writesBefore = storeWrites.get();
        var request = readAgain(created.getId());
        request.setLastAccessedTime(start.plusSeconds(59));
        sessions.save(request);
        assertThat(storeWrites.get()).as("59 s later, unchanged").isEqualTo(writesBefore);
        assertThat(readAgain(created.getId()).getLastAccessedTime()).isEqualTo(start);

        request = readAgain(created.getId());
        request.setLastAccessedTime(start.plusSeconds(60));
        sessions.save(request);
        assertThat(storeWrites.get()).as("a minute later").isGreaterThan(writesBefore);
        assertThat(readAgain(created.getId()).getLastAccessedTime()).isEqualTo(start.plusSeconds(60));
    }

    @Test
    void aChangedSessionIsAlwaysWritten() {
        var created = sessions.createSession();
        sessions.save(created);

        var request = readAgain(created.getId());
        request.setAttribute("colour", "blue");
        int writesBefore = storeWrites.get();
        sessions.save(request);
        assertThat(storeWrites.get()).isGreaterThan(writesBefore);
        assertThat(readAgain(created.getId()).<String>getAttribute("colour")).isEqualTo("blue");

        request = readAgain(created.getId());
        request.removeAttribute("colour");
        sessions.save(request);
        assertThat(readAgain(created.getId()).getAttributeNames()).doesNotContain("colour");

        request = readAgain(created.getId());
        request.setMaxInactiveInterval(Duration.ofMinutes(5));
        sessions.save(request);
        assertThat(readAgain(created.getId()).getMaxInactiveInterval()).isEqualTo(Duration.ofMinutes(5));

        request = readAgain(created.getId());
        var newId = request.changeSessionId();
        sessions.save(request);
        assertThat(readAgain(newId)).isNotNull();
        assertThat(readAgain(created.getId())).isNull();
    }

    /** A later request's read: from the store, not the one just saved. */
    private Session readAgain(String id) {
        sessions.forgetSaved();
        return sessions.findById(id);
    }

    @Test
    void theReadRightAfterASaveIsAnsweredOnceFromTheSavedSession() {
        var session = sessions.createSession();
        session.setAttribute("colour", "blue");
        sessions.save(session);
        int readsBefore = storeReads.get();

        assertThat(sessions.findById(session.getId())).isSameAs(session);
        assertThat(storeReads.get()).isEqualTo(readsBefore);

        var again = sessions.findById(session.getId());
        assertThat(storeReads.get()).isEqualTo(readsBefore + 1);
        assertThat(again).isNotSameAs(session);
        assertThat(again.<String>getAttribute("colour")).isEqualTo("blue");
    }

    @Test
    void anotherIdOrAForgottenSaveIsReadFromTheStore() {
        var session = sessions.createSession();
        sessions.save(session);
        int readsBefore = storeReads.get();
        assertThat(sessions.findById("another-" + session.getId())).isNull();
        assertThat(storeReads.get()).isEqualTo(readsBefore + 1);
        // the saved session was dropped by that read: asking for it now reads the store too
        assertThat(sessions.findById(session.getId())).isNotSameAs(session).isNotNull();
        assertThat(storeReads.get()).isEqualTo(readsBefore + 2);

        sessions.save(session);
        sessions.forgetSaved();
        store.deleteById(session.getId());
        assertThat(sessions.findById(session.getId())).isNull();
    }

    @Test
    void aReadOfOneSessionRunsWithoutATransactionAndEveryWriteInOne() {
        var session = sessions.createSession();
        session.setAttribute("colour", "blue");
        sessions.save(session);
        assertThat(storeTransactions.get())
                .as("the first save, in a transaction")
                .isEqualTo(1);

        var read = readAgain(session.getId());
        assertThat(read.<String>getAttribute("colour")).isEqualTo("blue");
        assertThat(storeTransactions.get()).as("the read, without one").isEqualTo(1);

        read.setAttribute("colour", "green");
        sessions.save(read);
        assertThat(storeTransactions.get()).as("the next save, in one again").isEqualTo(2);
        assertThat(readAgain(session.getId()).<String>getAttribute("colour")).isEqualTo("green");

        sessions.deleteById(session.getId());
        assertThat(storeTransactions.get()).as("a deletion, in one").isEqualTo(3);
        assertThat(readAgain(session.getId())).isNull();
        assertThat(storeTransactions.get()).isEqualTo(3);
    }

    @Test
    void theApplicationsSessionsGoThroughItAndItForgetsTheSavedSessionWhenTheRequestEnds() throws Exception {
        assertThat(applicationSessions).isInstanceOf(SparingSessionRepository.class);
        assertThat(ReflectionTestUtils.getField(
                        ReflectionTestUtils.getField(applicationSessions, "store"), "transactionOperations"))
                .as("the store Spring Session made runs its transactions through SessionTransactions")
                .isSameAs(ReflectionTestUtils.getField(applicationSessions, "transactions"))
                .isInstanceOf(SessionTransactions.class);

        // a request without a cookie creates a session and saves it, with no read after the write to take it
        var answer = mvc.perform(get("/login")).andReturn().getResponse();
        var cookie = answer.getCookie("QUALIFY_SESSION");
        assertThat(cookie).isNotNull();
        var id = new String(Base64.getDecoder().decode(cookie.getValue()), StandardCharsets.UTF_8);
        assertThat(sessionRows(id)).isEqualTo(1);

        // ended elsewhere (another node, an administrator) before this thread asks for it again
        new JdbcTemplate(dataSource).update("DELETE FROM SPRING_SESSION WHERE SESSION_ID = ?", id);
        assertThat(applicationSessions.findById(id)).isNull();
    }

    @Test
    void theApplicationsStoreReadsAnAttributeOncePerChange() {
        var application = (SparingSessionRepository) applicationSessions;
        var key = HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY;
        var session = application.createSession();
        session.setAttribute(key, RememberedSessionAttributesTests.signedIn("210102199001011234"));
        application.save(session);
        try {
            application.forgetSaved();
            SecurityContext first = application.findById(session.getId()).getAttribute(key);
            application.forgetSaved();
            SecurityContext second = application.findById(session.getId()).getAttribute(key);

            assertThat(second).isEqualTo(first).isNotSameAs(first);
            assertThat(second.getAuthentication().getPrincipal())
                    .as("the principal, immutable, read once from the stored bytes")
                    .isSameAs(first.getAuthentication().getPrincipal());
        } finally {
            application.deleteById(session.getId());
        }
    }

    private int sessionRows(String id) {
        return new JdbcTemplate(dataSource)
                .queryForObject("SELECT COUNT(*) FROM SPRING_SESSION WHERE SESSION_ID = ?", Integer.class, id);
    }
}
