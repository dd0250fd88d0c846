package cn.qualify.notification;

import static cn.qualify.notification.ReturnedApplications.returnedWithDiplomaToReplace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.qualify.application.Applications;
import cn.qualify.identity.Account;
import cn.qualify.identity.IdentityFixtures;
import cn.qualify.identity.Role;
import cn.qualify.notification.NotificationTestConfiguration.FlakyNotifier;
import cn.qualify.notification.NotificationTestConfiguration.SettableClock;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Review events become notifications through the event publication registry: the inbox message and the e-mail,
 * nothing lost when delivery is interrupted after the decision committed, nothing sent twice, failed deliveries
 * retried with backoff and then listed for administrators.
 */
@NotificationIntegrationTest
class NotificationOutboxWebTests {

    @Autowired
    Applications applications;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    @Autowired
    FlakyNotifier notifier;

    @Autowired
    PublicationResubmitter resubmitter;

    @Autowired
    DeliveryDispatcher dispatcher;

    @Autowired
    JdbcPreferences preferences;

    @Autowired
    GreenMail greenMail;

    @Autowired
    SettableClock clock;

    @Autowired
    MockMvc mvc;

    @AfterEach
    void reset() {
        notifier.failing(false);
        clock.reset();
    }

    Account candidate() {
        return IdentityFixtures.aCandidate(context);
    }

    UUID returnApplicationOf(Account candidate) {
        var now = clock.instant();
        return returnedWithDiplomaToReplace(
                        applications, String.valueOf(candidate.id()), "2101", now, now.plus(Duration.ofDays(5)))
                .id();
    }

    int messagesOf(Account candidate, String kind) {
        return jdbc.sql("SELECT COUNT(*) FROM notification_message WHERE candidate_id = :c AND kind = :kind")
                .param("c", String.valueOf(candidate.id()))
                .param("kind", kind)
                .query(Integer.class)
                .single();
    }

    Boolean publicationCompleted(UUID applicationId) {
        return jdbc
                .sql("""
                        SELECT completion_date FROM event_publication
                        WHERE listener_id LIKE '%DecisionNotifications%' AND serialized_event LIKE :id
                        """)
                .param("id", "%" + applicationId + "%")
                .query((rs, n) -> rs.getObject("completion_date") != null)
                .list()
                .stream()
                .findFirst()
                .orElse(null);
    }

    @Test
    void aReturnReachesTheInboxAndTheChosenEmailOnce() throws Exception {
        var candidate = candidate();
        var address = "c" + candidate.id() + "@example.com";
        preferences.save(String.valueOf(candidate.id()), new Preferences(true, false, false, address, null));

        var id = returnApplicationOf(candidate);

        await().atMost(Duration.ofSeconds(10)).until(() -> messagesOf(candidate, "RETURNED") == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> Boolean.TRUE.equals(publicationCompleted(id)));
        dispatcher.dispatch(clock.instant());
        dispatcher.dispatch(clock.instant());
        assertThat(greenMail.waitForIncomingEmail(5_000, 1)).isTrue();
        var toCandidate = Arrays.stream(greenMail.getReceivedMessages())
                .filter(mail -> recipient(mail).equals(address))
                .toList();
        assertThat(toCandidate).hasSize(1);
        assertThat(toCandidate.get(0).getSubject()).isEqualTo("报名材料被退回修改");
        assertThat(String.valueOf(toCandidate.get(0).getContent())).contains("1 项材料");
    }

    @Test
    void deliveryInterruptedAfterTheDecisionCommittedIsCompletedByResubmissionWithoutADuplicate() {
        var candidate = candidate();
        notifier.failing(true);

        var id = returnApplicationOf(candidate);

        await().atMost(Duration.ofSeconds(10)).until(() -> notifier.failures() > 0);
        await().atMost(Duration.ofSeconds(5)).until(() -> Boolean.FALSE.equals(publicationCompleted(id)));
        assertThat(messagesOf(candidate, "RETURNED")).isZero();
        assertThat(applications.byId(id).orElseThrow().state().name()).isEqualTo("RETURNED");

        notifier.failing(false);
        // the registry dates publications by the application's clock: a later run finds this one older than zero
        clock.advance(Duration.ofMinutes(3));
        resubmitter.resubmitIncomplete();

        await().atMost(Duration.ofSeconds(10)).until(() -> Boolean.TRUE.equals(publicationCompleted(id)));
        assertThat(messagesOf(candidate, "RETURNED")).isEqualTo(1);

        resubmitter.resubmitOlderThan(Duration.ZERO);
        var recorded = applications.byId(id).orElseThrow();
        var again = new Notice(
                String.valueOf(candidate.id()),
                "RETURNED:" + id + ":" + recordedAt(id),
                NoticeKind.RETURNED,
                id,
                java.util.List.of(recorded.number(), "x", "1"));
        assertThat(notifier.record(again)).isFalse();
        assertThat(messagesOf(candidate, "RETURNED")).isEqualTo(1);
    }

    long recordedAt(UUID id) {
        var key = jdbc.sql(
                        "SELECT event_key FROM notification_message WHERE application_id = :id AND kind = 'RETURNED'")
                .param("id", id)
                .query(String.class)
                .single();
        return Long.parseLong(key.substring(key.lastIndexOf(':') + 1));
    }

    @Test
    void aFailingChannelIsRetriedWithBackoffThenDeadAndAnAdministratorRetriesIt() throws Exception {
        var candidate = candidate();
        preferences.save(
                String.valueOf(candidate.id()), new Preferences(false, false, true, null, "oTest-" + candidate.id()));
        var id = returnApplicationOf(candidate);
        await().atMost(Duration.ofSeconds(10)).until(() -> messagesOf(candidate, "RETURNED") == 1);
        var delivery = jdbc.sql("""
                        SELECT d.id FROM notification_delivery d JOIN notification_message m ON m.id = d.message_id
                        WHERE m.application_id = :id AND d.channel = 'WECHAT'
                        """).param("id", id).query(UUID.class).single();

        var now = clock.instant();
        dispatcher.dispatch(now);
        assertThat(attempts(delivery)).isEqualTo(1);
        dispatcher.dispatch(now.plusSeconds(30));
        assertThat(attempts(delivery))
                .as("waits a minute after the first failure")
                .isEqualTo(1);
        dispatcher.dispatch(now.plusSeconds(61));
        assertThat(attempts(delivery)).isEqualTo(2);
        assertThat(nextAttempt(delivery)).isEqualTo(now.plusSeconds(61).plus(Duration.ofMinutes(2)));
        var later = now.plus(Duration.ofDays(1));
        for (int i = 0; i < 5; i++) {
            later = later.plus(Duration.ofDays(1));
            dispatcher.dispatch(later);
        }
        assertThat(state(delivery)).isEqualTo("DEAD");
        assertThat(attempts(delivery)).isEqualTo(5);

        var admin = IdentityFixtures.aStaffMember(context, Role.ADMIN);
        var number = applications.byId(id).orElseThrow().number();
        mvc.perform(get("/admin/notifications/dead-letters").with(authentication(IdentityFixtures.signedIn(admin))))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(number)))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("test-secret"))));
        mvc.perform(post("/admin/notifications/dead-letters/{id}/retry", delivery)
                        .with(authentication(IdentityFixtures.signedIn(admin)))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(state(delivery)).isEqualTo("PENDING");
        assertThat(attempts(delivery)).isZero();
        mvc.perform(get("/admin/notifications/dead-letters").with(authentication(IdentityFixtures.signedIn(candidate))))
                .andExpect(status().isForbidden());
    }

    int attempts(UUID delivery) {
        return jdbc.sql("SELECT attempts FROM notification_delivery WHERE id = :id")
                .param("id", delivery)
                .query(Integer.class)
                .single();
    }

    String state(UUID delivery) {
        return jdbc.sql("SELECT state FROM notification_delivery WHERE id = :id")
                .param("id", delivery)
                .query(String.class)
                .single();
    }

    Instant nextAttempt(UUID delivery) {
        return jdbc.sql("SELECT next_attempt_at FROM notification_delivery WHERE id = :id")
                .param("id", delivery)
                .query((rs, n) ->
                        rs.getObject(1, java.time.OffsetDateTime.class).toInstant())
                .single();
    }

    @Test
    void theInboxShowsMessagesWithTheUnreadCountOnEveryPageAndMarksThemRead() throws Exception {
        var candidate = candidate();
        returnApplicationOf(candidate);
        await().atMost(Duration.ofSeconds(10)).until(() -> messagesOf(candidate, "RETURNED") == 1);
        var signedIn = authentication(IdentityFixtures.signedIn(candidate));

        mvc.perform(get("/candidate/notifications").with(signedIn))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("class=\"unread-count\"")));
        mvc.perform(get("/self-check").with(signedIn))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("class=\"unread-count\" title=")));
        mvc.perform(get("/candidate/inbox").with(signedIn))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("报名材料被退回修改")));
        mvc.perform(get("/api/v1/candidate/inbox").with(signedIn))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unread").value(1))
                .andExpect(jsonPath("$.messages[0].kind").value("RETURNED"));

        var messageId = jdbc.sql("SELECT id FROM notification_message WHERE candidate_id = :c")
                .param("c", String.valueOf(candidate.id()))
                .query(UUID.class)
                .single();
        var other = candidate();
        mvc.perform(post("/api/v1/candidate/inbox/{id}/read", messageId)
                        .with(authentication(IdentityFixtures.signedIn(other)))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/candidate/inbox/{id}/read", messageId).with(signedIn).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/candidate/inbox").with(signedIn))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(org.hamcrest.Matchers.not(
                                org.hamcrest.Matchers.containsString("class=\"unread-count\""))));
    }

    @Test
    void candidatesChooseTheirChannelsByPageAndApi() throws Exception {
        var candidate = candidate();
        var signedIn = authentication(IdentityFixtures.signedIn(candidate));
        mvc.perform(post("/candidate/notifications")
                        .with(signedIn)
                        .with(csrf())
                        .param("sms", "true")
                        .param("emailAddress", "not-an-address"))
                .andExpect(status().is3xxRedirection());
        assertThat(preferences.of(String.valueOf(candidate.id()))).isEqualTo(Preferences.DEFAULT);
        mvc.perform(post("/candidate/notifications")
                        .with(signedIn)
                        .with(csrf())
                        .param("sms", "true")
                        .param("email", "true")
                        .param("emailAddress", "me@example.com"))
                .andExpect(status().is3xxRedirection());
        assertThat(preferences.of(String.valueOf(candidate.id())))
                .isEqualTo(new Preferences(true, true, false, "me@example.com", null));
        mvc.perform(get("/api/v1/candidate/notification-preferences").with(signedIn))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.email").value(true))
                .andExpect(jsonPath("$.emailAddress").value("me@example.com"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                                "/api/v1/candidate/notification-preferences")
                        .with(signedIn)
                        .with(csrf())
                        .contentType("application/json")
                        .content("{\"email\":false,\"sms\":false,\"wechat\":true,\"wechatOpenId\":\"oAbc_123456\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.wechat").value(true));
        assertThat(preferences.of(String.valueOf(candidate.id())).channels())
                .containsExactlyInAnyOrder(Channel.INBOX, Channel.WECHAT);
    }

    private static String recipient(MimeMessage mail) {
        try {
            return mail.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
