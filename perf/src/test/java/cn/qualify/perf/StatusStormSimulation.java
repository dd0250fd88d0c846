package cn.qualify.perf;

import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Target 3 (status storm): logged-in candidates refresh their status and checklist page ({@code GET
 * /candidate/materials}: application state, checklist with reasons, image counts, thumbnails and checks). After the
 * log-ins, in this order:
 *
 * <ol>
 *   <li>capacity, closed model: a staircase of users at once (4 up by 12, 4 levels of 20 s), first against a static
 *       file served by the same server ({@code status.staticPath}, the product's own {@code /css/qualify.css}), then
 *       against the page; the highest rates they complete give the ratio of the target;
 *   <li>the static file, open model, ramped to and held at {@code status.rate} (1,500/s for 120 s after a 30 s ramp);
 *   <li>after a pause of {@code status.drain} seconds (20), the page, with the same open injection: the target.
 * </ol>
 *
 * <p>The page's target phase comes last because an open model overloads a server that cannot keep up, and the
 * backlog it leaves would spoil whatever is measured after it; a closed staircase cannot overload. Needs the
 * generated data set (100,000 draft candidates); logs in {@code status.sessions} (1,000) of them, from {@code
 * status.offset} (50,000) in perf/target/candidates.csv.
 */
public class StatusStormSimulation extends Simulation {

    private final Bench.Target target = Bench.Target.of("status", 1500, 30, 120);
    private final Bench.Staircase stairs = Bench.Staircase.closed("status.capacity", 4, 12, 4, 20);
    private final int drain = Bench.number("status.drain", 20);
    private final int sessions = Bench.number("status.sessions", 1000);
    private final String pagePath = Bench.text("status.path", "/candidate/materials");
    private final String staticPath = Bench.text("status.staticPath", "/css/qualify.css");
    private final Logins candidates = new Logins("candidates");

    private final HttpProtocolBuilder protocol = http.baseUrl(Bench.baseUrl())
            .shareConnections()
            .disableFollowRedirect()
            .acceptHeader("text/html,application/xhtml+xml,*/*;q=0.8")
            .acceptLanguageHeader("zh-CN,zh;q=0.9")
            .acceptEncodingHeader("gzip, deflate")
            .userAgentHeader("qualify-perf");

    private ScenarioBuilder page(String name, String request) {
        return scenario(name)
                .feed(candidates.feeder())
                .exec(Bench::started)
                .exec(http(request)
                        .get(pagePath)
                        .header("Cookie", "QUALIFY_SESSION=#{sessionCookie}")
                        // a page of the candidate's own application, not the log-in page
                        .check(status().is(200), substring("/candidate/materials/")))
                .exec(Bench.recorded(name));
    }

    private ScenarioBuilder staticFile(String name, String request) {
        return scenario(name)
                .feed(candidates.feeder())
                .exec(Bench::started)
                .exec(http(request)
                        .get(staticPath)
                        .header("Cookie", "QUALIFY_SESSION=#{sessionCookie}")
                        .check(status().is(200)))
                .exec(Bench.recorded(name));
    }

    {
        var loginNames = Logins.candidates(Bench.number("status.offset", 50_000), sessions);
        var pageTarget = page("page target", "status page")
                .injectOpen(Stream.concat(Stream.of(nothingFor(drain)), Stream.of(target.injection()))
                        .toArray(OpenInjectionStep[]::new));
        var staticTarget = staticFile("static target", "static file")
                .injectOpen(target.injection())
                .andThen(pageTarget);
        var afterLogins = stairs.enabled()
                ? stairs.inject(staticFile("static capacity", "static file (capacity)"))
                        .andThen(stairs.inject(page("page capacity", "status page (capacity)"))
                                .andThen(staticTarget))
                : staticTarget;
        setUp(candidates
                        .scenario(loginNames, Bench.text("password", "Qualify-2025"))
                        .injectOpen(Logins.injection(sessions, Double.parseDouble(Bench.text("login.rate", "20"))))
                        .andThen(afterLogins))
                .protocols(protocol)
                .assertions(
                        details("log in").failedRequests().count().is(0L),
                        details("status page").failedRequests().count().is(0L),
                        details("status page").responseTime().percentile(95.0).lte(100));
    }

    @Override
    public void after() {
        var lines = Bench.lines(Bench.HEADER);
        var page = Bench.stats("page target", "status page, hold", target.rate(), target.window());
        var file = Bench.stats("static target", "static file, hold", target.rate(), target.window());
        lines.add(file.row());
        lines.add(page.row());
        Bench.Capacity pageCapacity = null;
        Bench.Capacity fileCapacity = null;
        if (stairs.enabled()) {
            fileCapacity = Bench.staircase("static capacity", "static file capacity", stairs, lines);
            pageCapacity = Bench.staircase("page capacity", "status page capacity", stairs, lines);
        }
        lines.add("");
        lines.add(String.format(
                Locale.ROOT,
                "page %s, static file %s, logged-in candidates: %d. Hold: %.1f requests/s completed, p95 %d ms, %d errors"
                        + " (target ≥ %.0f/s, p95 ≤ 100 ms, 0 errors: %s).",
                pagePath,
                staticPath,
                sessions,
                page.throughput(),
                page.p95(),
                page.errors(),
                target.rate(),
                page.throughput() >= target.rate() * 0.98 && page.p95() <= 100 && page.errors() == 0
                        ? "met"
                        : "NOT met"));
        if (fileCapacity != null && fileCapacity.best() > 0) {
            double ratio = pageCapacity.best() / fileCapacity.best();
            lines.add(String.format(
                    Locale.ROOT,
                    "Capacity: status page %s, static file %s, ratio %s%.2f (target ≥ 0.40: %s).",
                    pageCapacity.describe(),
                    fileCapacity.describe(),
                    fileCapacity.reached() ? "" : "at most ",
                    ratio,
                    !pageCapacity.reached() || !fileCapacity.reached()
                            ? "not measured, a capacity was not reached"
                            : ratio >= 0.4 ? "met" : "NOT met"));
        }
        Bench.report("StatusStormSimulation", lines);
    }
}
