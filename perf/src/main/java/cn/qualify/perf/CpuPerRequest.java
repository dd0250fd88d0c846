package cn.qualify.perf;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What one request costs the machine it is served on: the CPU time of the server process and of every PostgreSQL
 * process, read from {@code /proc} before and after a fixed number of requests, divided by their number. The load
 * generator's own CPU is left out, which a throughput measured with the generator on the same two cores cannot do;
 * so the ratio of two paths' costs is steadier from run to run than the ratio of their capacities, and two cores
 * divided by a path's cost is the capacity it would have with the generator on another machine.
 *
 * <p>{@code CpuPerRequest --pid <server pid> [--base http://127.0.0.1:18080] [--candidates
 * perf/target/candidates.csv] [--offset 60000] [--sessions 8] [--threads 4] [--requests 6000] [--rounds 6] [--paths
 * /css/qualify.css,/candidate/materials] [--password Qualify-2025]}: logs in {@code sessions} candidates, then in each
 * round sends each path {@code requests} times from {@code threads} threads with the candidates' cookies, one
 * connection per thread. The first rounds warm the server up; the last half is what counts. Linux only.
 */
public final class CpuPerRequest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final URI base;
    private final long serverPid;
    private final List<HttpClient> sessions = new ArrayList<>();

    private CpuPerRequest(URI base, long serverPid) {
        this.base = base;
        this.serverPid = serverPid;
    }

    public static void main(String[] args) throws Exception {
        var options = new Options(args);
        var bench = new CpuPerRequest(
                URI.create(options.text("base", "http://127.0.0.1:18080")), options.number("pid", -1));
        if (bench.serverPid < 0) {
            throw new IllegalArgumentException("--pid of the server is required (perf/target/server/server.pid)");
        }
        var names = options.candidates();
        int offset = (int) options.number("offset", 60_000);
        for (int i = 0; i < options.number("sessions", 8); i++) {
            bench.logIn(names.get(offset + i), options.text("password", "Qualify-2025"));
        }
        var paths =
                options.text("paths", "/css/qualify.css,/candidate/materials").split(",");
        int rounds = (int) options.number("rounds", 6);
        int threads = (int) options.number("threads", 4);
        int requests = (int) options.number("requests", 6000);
        var costs = new double[paths.length][rounds];
        System.out.println("| round | path | requests | errors | requests/s | server ms | database ms | total ms |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (int round = 0; round < rounds; round++) {
            for (int p = 0; p < paths.length; p++) {
                var path = paths[p];
                var cost =
                        ProcessCpu.measure(bench.serverPid, true, requests, threads, (thread, i) -> bench.get(path, i));
                costs[p][round] = cost.totalMillis();
                System.out.printf(
                        Locale.ROOT,
                        "| %d | %s | %d | %d | %.0f | %.3f | %.3f | %.3f |%n",
                        round + 1,
                        paths[p],
                        requests,
                        cost.errors(),
                        cost.perSecond(),
                        cost.serverMillis(),
                        cost.databaseMillis(),
                        cost.totalMillis());
            }
        }
        System.out.println();
        for (int p = 0; p < paths.length; p++) {
            double median = ProcessCpu.median(Arrays.copyOfRange(costs[p], rounds / 2, rounds));
            System.out.printf(
                    Locale.ROOT,
                    "%s: %.3f ms of CPU a request (median of rounds %d-%d), two cores serve at most %.0f/s%n",
                    paths[p],
                    median,
                    rounds / 2 + 1,
                    rounds,
                    2000 / median);
        }
        if (paths.length == 2) {
            System.out.printf(
                    Locale.ROOT,
                    "ratio of costs %s / %s: %.2f%n",
                    paths[0],
                    paths[1],
                    ProcessCpu.median(Arrays.copyOfRange(costs[0], rounds / 2, rounds))
                            / ProcessCpu.median(Arrays.copyOfRange(costs[1], rounds / 2, rounds)));
        }
    }

    private void logIn(String loginName, String password) throws IOException, InterruptedException {
        var client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        var form = client.send(
                HttpRequest.newBuilder(base.resolve("/login")).build(), HttpResponse.BodyHandlers.ofString());
        var csrf = CSRF.matcher(form.body());
        if (!csrf.find()) {
            throw new IllegalStateException("No CSRF token on the log-in page");
        }
        var body =
                "username=" + encode(loginName) + "&password=" + encode(password) + "&_csrf=" + encode(csrf.group(1));
        var answer = client.send(
                HttpRequest.newBuilder(base.resolve("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        var landing = answer.headers().firstValue("Location").orElse("");
        if (answer.statusCode() != 302 || landing.contains("error")) {
            throw new IllegalStateException(
                    "Log-in of " + loginName + " failed: " + answer.statusCode() + " " + landing);
        }
        sessions.add(client);
    }

    /** The {@code i}-th request of a round to {@code path}, with the {@code i}-th session's cookie; true if 200. */
    private boolean get(String path, int i) throws IOException, InterruptedException {
        var client = sessions.get(i % sessions.size());
        var request = HttpRequest.newBuilder(base.resolve(path))
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                .header("Accept-Language", "zh-CN,zh;q=0.9")
                .header("Accept-Encoding", "gzip, deflate")
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode() == 200;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
