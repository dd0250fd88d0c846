package cn.qualify.candidate;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;

/**
 * The candidate journey's JSON API as {@code /v3/api-docs} publishes it, so that another client can drive the
 * journey from the document alone: every operation present with a summary and its refusals as problem details. The
 * same context as {@code ApplicationSmokeTests}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
class CandidateApiDocumentationIntegrationTests {

    /**
     * One operation of the journey.
     *
     * @param errors the error statuses it documents as problem details
     * @param bare further statuses it documents without a body
     */
    record Journey(String method, String path, List<String> errors, List<String> bare) {

        Journey(String method, String path, List<String> errors) {
            this(method, path, errors, List.of());
        }
    }

    static final List<Journey> JOURNEY = List.of(
            new Journey("post", "/api/v1/auth/register/code", List.of("400", "429")),
            new Journey("post", "/api/v1/auth/register", List.of("400")),
            new Journey("get", "/api/v1/auth/csrf", List.of()),
            new Journey("post", "/api/v1/auth/login", List.of("401", "403", "429")),
            new Journey("get", "/api/v1/auth/me", List.of("401")),
            new Journey("post", "/api/v1/auth/logout", List.of()),
            new Journey("post", "/api/v1/policy/evaluate", List.of("400")),
            new Journey("get", "/api/v1/candidate/registration", List.of("404")),
            new Journey("put", "/api/v1/candidate/registration", List.of("400", "409")),
            new Journey("get", "/api/v1/candidate/application", List.of("409", "503")),
            new Journey(
                    "post",
                    "/api/v1/candidate/materials/{material}/images",
                    List.of("400", "403", "404", "409", "413", "415", "422", "503")),
            new Journey("get", "/api/v1/candidate/images/{imageId}", List.of(), List.of("404")),
            new Journey("delete", "/api/v1/candidate/images/{imageId}", List.of("404", "409")),
            new Journey("post", "/api/v1/candidate/application/submit", List.of("409", "422")),
            new Journey("post", "/api/v1/candidate/application/withdraw", List.of("409")),
            new Journey("get", "/api/v1/candidate/forms", List.of()));

    @Autowired
    TestRestTemplate http;

    String docs;

    @BeforeEach
    void readTheDocument() {
        var answer = http.getForEntity("/v3/api-docs", String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        docs = answer.getBody();
    }

    @Test
    void everyOperationOfTheJourneyIsThereWithASummaryAndItsRefusals() {
        for (var operation : JOURNEY) {
            var at = "$.paths['" + operation.path() + "']." + operation.method();
            Map<String, Object> documented = JsonPath.read(docs, at);
            assertThat(documented)
                    .as(operation.method() + " " + operation.path())
                    .isNotNull();
            assertThat((String) documented.get("summary"))
                    .as("summary of " + operation.method() + " " + operation.path())
                    .isNotBlank();
            Map<String, Object> responses = JsonPath.read(docs, at + ".responses");
            assertThat(responses.keySet())
                    .as("responses of " + operation.path())
                    .isNotEmpty()
                    .containsAll(operation.errors())
                    .containsAll(operation.bare());
            for (var status : operation.errors()) {
                Map<String, Object> problem = JsonPath.read(
                        docs, at + ".responses['" + status + "'].content['application/problem+json'].schema");
                assertThat(String.valueOf(problem.get("$ref")))
                        .as(status + " of " + operation.method() + " " + operation.path() + " is a problem detail")
                        .endsWith("/ProblemDetail");
            }
        }
    }

    @Test
    void noCandidateOrAuthenticationOperationIsLeftWithoutASummary() {
        Map<String, Map<String, Map<String, Object>>> paths = JsonPath.read(docs, "$.paths");
        var journeyPaths = paths.entrySet().stream()
                .filter(path -> path.getKey().startsWith("/api/v1/candidate")
                        || path.getKey().startsWith("/api/v1/auth"))
                .toList();
        assertThat(journeyPaths).hasSizeGreaterThanOrEqualTo(10);
        for (var path : journeyPaths) {
            path.getValue()
                    .forEach((method, operation) -> assertThat(operation.get("summary"))
                            .as(method + " " + path.getKey())
                            .isNotNull());
        }
    }

    @Test
    void anUploadSendsItsImageAsTheRequiredMultipartPartFile() {
        Map<String, Object> schema = JsonPath.read(
                docs,
                "$.paths['/api/v1/candidate/materials/{material}/images'].post.requestBody.content['multipart/form-data'].schema");
        assertThat(schema).as("the upload's body").containsKey("properties");
        assertThat(JsonPath.<Map<String, Object>>read(schema, "$.properties.file"))
                .containsEntry("type", "string")
                .containsEntry("format", "binary");
        assertThat(JsonPath.<List<String>>read(schema, "$.required")).containsExactly("file");
    }

    @Test
    void theSignedInAccountIsNeverAskedForSinceItComesFromTheSession() {
        List<Object> asked = JsonPath.read(
                docs, "$.paths.*.*.parameters[?(@.name in ['candidate', 'reviewer', 'admin', 'account', 'actor'])]");
        assertThat(asked).isEmpty();
        List<String> bodies = JsonPath.read(docs, "$.paths.*.*.requestBody.content.*.schema['$ref']");
        assertThat(bodies).isNotEmpty().noneMatch(body -> body.endsWith("/Account"));
    }

    @Test
    void theMaterialOfAnUploadIsOneOfTheCatalogue() {
        List<String> materials = JsonPath.read(
                docs,
                "$.paths['/api/v1/candidate/materials/{material}/images'].post.parameters[?(@.name == 'material')].schema.enum[*]");
        assertThat(materials).contains("ID_PROOF", "DIPLOMA", "PROBATION_ASSESSMENT");
    }
}
