package cn.qualify.candidate;

import cn.qualify.materials.TestImages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;

/** A candidate's browser over real HTTP: keeps cookies, does not follow redirects, sends real multipart bodies. */
class CandidateClient {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private final String base;
    private final HttpClient client;
    private String csrf;

    CandidateClient(int port) {
        this(port, new CookieManager());
    }

    /** A browser whose cookies live in the given jar: two of them on two nodes share one session. */
    CandidateClient(int port, CookieManager cookies) {
        this.base = "http://localhost:" + port;
        this.client = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    CandidateClient logIn(String loginName, String password) {
        return logInAs(loginName, password, "/candidate");
    }

    /** Logs in and reads the CSRF token from the given page, e.g. {@code /review} for a reviewer. */
    CandidateClient logInAs(String loginName, String password, String landing) {
        var page = get("/login");
        var matcher = CSRF_FIELD.matcher(page.body());
        if (!matcher.find()) {
            throw new IllegalStateException("No CSRF field on the log-in page");
        }
        var answer = postForm("/login", Map.of("username", loginName, "password", password, "_csrf", matcher.group(1)));
        if (answer.statusCode() != 302
                || answer.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("Log-in failed: " + answer.statusCode() + " "
                    + answer.headers().map());
        }
        return refreshCsrf(landing);
    }

    /** Reads the CSRF token that every page publishes for scripts. */
    void refreshCsrf() {
        refreshCsrf("/candidate");
    }

    /** Reads the CSRF token from the given page, e.g. {@code /review} for staff. */
    CandidateClient refreshCsrf(String page) {
        var matcher = CSRF_META.matcher(get(page).body());
        csrf = matcher.find() ? matcher.group(1) : null;
        return this;
    }

    /** The CSRF token of the session, for a request this client cannot send itself. */
    String csrfToken() {
        return csrf;
    }

    /** Posts a JSON body to the API with the CSRF header. */
    HttpResponse<String> postJson(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .header("X-CSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    /** A GET as htmx sends it, for the fragments the pages refresh. */
    HttpResponse<String> htmx(String path) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("HX-Request", "true")
                .GET()
                .build());
    }

    HttpResponse<byte[]> getBytes(String path) {
        try {
            return client.send(
                    HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> postForm(String path, Map<String, String> fields) {
        var all = new LinkedHashMap<>(fields);
        if (csrf != null) {
            all.putIfAbsent("_csrf", csrf);
        }
        String body = all.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /** Uploads through the page's form (no JavaScript): the CSRF token travels as a form field. */
    HttpResponse<String> uploadWithForm(String material, String fileName, byte[] content) {
        return multipart("/candidate/materials/" + material + "/images", fileName, content, false);
    }

    /** Uploads through the API, as the page's script and other clients do. */
    HttpResponse<String> uploadWithApi(String material, String fileName, byte[] content) {
        return multipart("/api/v1/candidate/materials/" + material + "/images", fileName, content, true);
    }

    /** Sends any body to the API's upload endpoint with the given Content-Type, well-formed or not. */
    HttpResponse<String> postToUploadApi(String material, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(uri("/api/v1/candidate/materials/" + material + "/images"))
                .header("Content-Type", contentType)
                .header("Accept", "application/json")
                .header("X-CSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    }

    /**
     * Uploads what the checklist of {@link SignedInCandidate#aRegisteredBachelor} asks for and submits the
     * application through the API; throws unless every upload and the submission are accepted.
     */
    void uploadTheChecklistAndSubmit() {
        var uploads = new LinkedHashMap<String, String>();
        uploads.put("front.jpg", "ID_PROOF");
        uploads.put("back.jpg", "ID_PROOF");
        uploads.put("held.jpg", "ID_PROOF");
        uploads.put("d.png", "DIPLOMA");
        uploads.put("p.jpg", "PROBATION_ASSESSMENT");
        uploads.put("l1.jpg", "INSTITUTION_LICENSE");
        uploads.put("l2.jpg", "INSTITUTION_LICENSE");
        uploads.forEach((fileName, material) -> {
            var image = fileName.endsWith(".png") ? TestImages.aPng() : TestImages.aPhoneJpeg();
            var uploaded = uploadWithApi(material, fileName, image);
            if (uploaded.statusCode() != 201) {
                throw new IllegalStateException("Upload of " + fileName + " refused: " + uploaded.body());
            }
        });
        var submitted = api("POST", "/api/v1/candidate/application/submit");
        if (submitted.statusCode() != 200) {
            throw new IllegalStateException("Submission refused: " + submitted.body());
        }
    }

    /**
     * Waits until the background check of every uploaded image has finished, as the application API reports it:
     * until then a page may change under a test without any request of its own.
     */
    void awaitEveryImageChecked() {
        Awaitility.await("every image checked")
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> api("GET", "/api/v1/candidate/application").body(),
                        json -> json.contains("\"checked\":true") && !json.contains("\"checked\":false"));
    }

    HttpResponse<String> api(String method, String path) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Accept", "application/json")
                .header("X-CSRF-TOKEN", csrf)
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build());
    }

    /** Sends a JSON body, as an API client would. */
    HttpResponse<String> json(String method, String path, String json) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .header("X-CSRF-TOKEN", csrf)
                .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build());
    }

    private HttpResponse<String> multipart(String path, String fileName, byte[] content, boolean api) {
        var boundary = "----qualify" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        try {
            if (!api) {
                body.write(
                        ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n")
                                .getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                            + "\"\r\nContent-Type: image/jpeg\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.write(content);
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
        var request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (api) {
            request.header("Accept", "application/json").header("X-CSRF-TOKEN", csrf);
        }
        return send(request.build());
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
