package cn.qualify.perf;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.http.HttpDsl.CookieKey;
import static io.gatling.javaapi.http.HttpDsl.getCookieValue;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.CoreDsl;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.ScenarioBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Logged-in users for the measured phases. Logging in costs a bcrypt check (about 60–100 ms of CPU), which is not
 * what the targets measure, so every simulation first logs in a pool of users through the API ({@code GET
 * /api/v1/auth/csrf}, {@code POST /api/v1/auth/login}), keeps each one's session cookie and CSRF token, and the
 * measured requests then act as those users by sending the cookie and token.
 */
final class Logins {

    record SignedIn(String loginName, String sessionCookie, String csrf) {}

    private final String name;
    private final List<SignedIn> signedIn = new CopyOnWriteArrayList<>();
    private final AtomicLong handedOut = new AtomicLong();

    Logins(String name) {
        this.name = name;
    }

    /** The generated draft candidates of perf/generate.sh, from {@code offset} on. */
    static List<String> candidates(int offset, int count) {
        try (var lines = Files.lines(Bench.target().resolve("candidates.csv"))) {
            var names = lines.skip(1 + (long) offset).limit(count).toList();
            if (names.size() < count) {
                throw new IllegalStateException("perf/target/candidates.csv has " + names.size() + " candidates from "
                        + offset + ", " + count + " wanted: generate more with perf/generate.sh");
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The log-in scenario for these login names, all with the same password. */
    ScenarioBuilder scenario(List<String> loginNames, String password) {
        var next = new AtomicLong();
        Iterator<Map<String, Object>> feeder = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Map<String, Object> next() {
                return Map.of(
                        "loginName",
                        loginNames.get((int) (next.getAndIncrement() % loginNames.size())),
                        "password",
                        password);
            }
        };
        return CoreDsl.scenario("log in: " + name)
                .feed(feeder)
                .exec(http("log in: csrf")
                        .get("/api/v1/auth/csrf")
                        .check(jsonPath("$.token").saveAs("csrf0")))
                .exec(http("log in")
                        .post("/api/v1/auth/login")
                        .header("X-CSRF-TOKEN", "#{csrf0}")
                        .header("Content-Type", "application/json")
                        .body(StringBody("{\"loginName\":\"#{loginName}\",\"password\":\"#{password}\"}"))
                        .check(status().is(200), jsonPath("$.csrf.token").saveAs("csrf")))
                // a log-in that failed (bcrypt makes the server slow to answer a burst) leaves no user in the pool
                .exitHereIfFailed()
                .exec(getCookieValue(CookieKey("QUALIFY_SESSION").saveAs("sessionCookie")))
                .exec(session -> {
                    signedIn.add(new SignedIn(
                            session.getString("loginName"),
                            session.getString("sessionCookie"),
                            session.getString("csrf")));
                    return session;
                });
    }

    /** Logs in {@code users} at {@code perSecond} (bcrypt bounds how fast the server can). */
    static OpenInjectionStep[] injection(int users, double perSecond) {
        return new OpenInjectionStep[] {rampUsers(users).during(Math.max(1, (int) Math.ceil(users / perSecond)))};
    }

    /**
     * An endless feeder of the logged-in users, in turn, with the number of times the user was handed out before
     * ({@code turn}), so that a caller can spread work over a user's free upload slots. Reads the pool when used, that
     * is after the log-in phase.
     */
    Iterator<Map<String, Object>> feeder() {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Map<String, Object> next() {
                if (signedIn.isEmpty()) {
                    throw new IllegalStateException("nobody logged in as " + name + ": see the log-in requests");
                }
                long n = handedOut.getAndIncrement();
                var user = signedIn.get((int) (n % signedIn.size()));
                return Map.of(
                        "loginName", user.loginName(),
                        "sessionCookie", user.sessionCookie(),
                        "csrf", user.csrf(),
                        "turn", n / signedIn.size());
            }
        };
    }

    int size() {
        return signedIn.size();
    }
}
