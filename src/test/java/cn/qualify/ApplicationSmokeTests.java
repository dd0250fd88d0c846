package cn.qualify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/** Starts the whole application on a random port and checks what an operator and a visitor see first. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
class ApplicationSmokeTests {

    @Autowired
    TestRestTemplate http;

    @Test
    void healthIsUp() {
        var response = http.getForEntity("/actuator/health", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).contains("\"status\":\"UP\"");
    }

    @Test
    void prometheusMetricsAreExposedToTheScraperOnly() {
        var headers = new HttpHeaders();
        // qualify.identity.metrics-token of the tests' configuration
        headers.setBearerAuth("test-metrics-token");
        var response = http.exchange("/actuator/prometheus", HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody())
                .contains("jvm_memory_used_bytes", "qualify_verification_backlog ", "qualify_verification_queued ");

        var anonymous = http.getForEntity("/actuator/prometheus", String.class);
        assertThat(anonymous.getBody() == null ? "" : anonymous.getBody()).doesNotContain("jvm_memory_used_bytes");
    }

    @Test
    void homePageIsChineseByDefaultAndEnglishOnRequest() {
        assertThat(http.getForObject("/", String.class)).contains("lang=\"zh-CN\"", "医师资格考试");
        assertThat(http.getForObject("/?lang=en", String.class)).contains("lang=\"en\"", "Physician Exam");
    }

    @Test
    void pageLinksAreWrittenAsTheTemplatesGiveThemAndTheWebjarsStillResolve() {
        var home = http.getForObject("/", String.class);

        assertThat(home).contains("src=\"/webjars/htmx.org/dist/htmx.min.js\"");
        var htmx = http.getForEntity("/webjars/htmx.org/dist/htmx.min.js", String.class);
        assertThat(htmx.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(htmx.getBody()).contains("htmx");
    }

    @Test
    void unknownPageShowsFriendlyErrorWithoutStackTrace() {
        var response = http.getForEntity("/no-such-page", String.class);
        // an anonymous visitor is sent to the log-in page (200 once the redirect is followed)
        assertThat(response.getStatusCode())
                .isIn(HttpStatus.NOT_FOUND, HttpStatus.FOUND, HttpStatus.UNAUTHORIZED, HttpStatus.OK);
        assertThat(response.getBody() == null ? "" : response.getBody()).doesNotContain("Exception", "at cn.qualify");
    }
}
