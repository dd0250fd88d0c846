package cn.qualify.identity;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A client over real HTTP that keeps cookies like a browser and does not follow redirects, coming from its own
 * client address (sent as {@code X-Forwarded-For}, which the application honours behind its proxy).
 */
class Browser {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern JSON_TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

    private final String base;
    private final String address;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;

    Browser(int port, String address) {
        this.base = "http://localhost:" + port;
        this.address = address;
        this.client = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    HttpResponse<String> postForm(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    HttpResponse<String> postJson(String path, String json, String csrfToken) {
        var builder = request(path)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (csrfToken != null) {
            builder.header("X-CSRF-TOKEN", csrfToken);
        }
        return send(builder.build());
    }

    /** Logs in through the page form, as a person would; returns the answer to the POST. */
    HttpResponse<String> logInWithForm(String loginName, String password) {
        String token = csrfFromPage(get("/login"));
        var fields = new LinkedHashMap<String, String>();
        fields.put("username", loginName);
        fields.put("password", password);
        fields.put("_csrf", token);
        return postForm("/login", fields);
    }

    /** Logs in through the JSON API; returns the answer to the POST. */
    HttpResponse<String> logInWithApi(String loginName, String password) {
        String token = apiCsrfToken();
        return postJson(
                "/api/v1/auth/login", "{\"loginName\":\"" + loginName + "\",\"password\":\"" + password + "\"}", token);
    }

    String apiCsrfToken() {
        var matcher = JSON_TOKEN.matcher(get("/api/v1/auth/csrf").body());
        return matcher.find() ? matcher.group(1) : null;
    }

    static String csrfFromPage(HttpResponse<String> page) {
        var matcher = CSRF_FIELD.matcher(page.body());
        if (!matcher.find()) {
            throw new IllegalStateException("no CSRF field in " + page.uri());
        }
        return matcher.group(1);
    }

    String sessionId() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("QUALIFY_SESSION"))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElse(null);
    }

    /** Sends a request carrying only the given session cookie, as someone who copied it would. */
    HttpResponse<String> getWithSession(String path, String sessionId) {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(base + path))
                                    .header("Cookie", "QUALIFY_SESSION=" + sessionId)
                                    .header("Accept", "application/json")
                                    .header("X-Forwarded-For", address)
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> form(String... keysAndValues) {
        var map = new LinkedHashMap<String, String>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("X-Forwarded-For", address);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
