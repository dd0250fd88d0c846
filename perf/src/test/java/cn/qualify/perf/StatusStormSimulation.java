package cn.qualify.perf;

import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.util.Locale;

/**
 * Target 3 (status storm): logged-in candidates refresh their status and checklist page ({@code GET
 * /candidate/materials}: application state, checklist with reasons, image counts, thumbnails and checks), open model,
 * ramped to and held at {@code status.rate} (1,500/s for 120 s after a 30 s ramp); then the same injection fetches a
 * static file served by the same server ({@code status.staticPath}, the product's own {@code /css/qualify.css}), then
 * a capacity staircase against both (1,000/s up by 500/s, 6 levels of 20 s), whose highest completed rates give the
 * ratio of the target. Needs the generated data set (100,000 draft candidates); logs in {@code status.sessions}
 * (1,000) of them, from {@code status.offset} (50,000) in perf/target/candidates.csv.
 */
public class StatusStormSimulation extends Simulation {

    private final Bench.Target target = Bench.Target.of("status", 1500, 30, 120);
    private final Bench.Staircase stairs = Bench.Staircase.of("status.capacity", 1000, 500, 6, 20);
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
        PopulationBuilder last = null;
        if (stairs.enabled()) {
            last = page("page capacity", "status page (capacity)")
                    .injectOpen(stairs.injection())
                    .andThen(staticFile("static capacity", "static file (capacity)")
                            .injectOpen(stairs.injection()));
        }
        var staticTarget = staticFile("static target", "static file").injectOpen(target.injection());
        if (last != null) {
            staticTarget = staticTarget.andThen(last);
        }
        setUp(candidates
                        .scenario(loginNames, Bench.text("password", "Qualify-2025"))
                        .injectOpen(Logins.injection(sessions, Double.parseDouble(Bench.text("login.rate", "20"))))
                        .andThen(page("page target", "status page")
                                .injectOpen(target.injection())
                                .andThen(staticTarget)))
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
        lines.add(page.row());
        lines.add(file.row());
        double pageCapacity = 0;
        double fileCapacity = 0;
        if (stairs.enabled()) {
            pageCapacity = Bench.staircase("page capacity", "status page capacity", stairs, lines);
            fileCapacity = Bench.staircase("static capacity", "static file capacity", stairs, lines);
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
        if (stairs.enabled() && fileCapacity > 0) {
            double ratio = pageCapacity / fileCapacity;
            lines.add(String.format(
                    Locale.ROOT,
                    "Capacity: status page %.1f/s, static file %.1f/s, ratio %.2f (target ≥ 0.40: %s).",
                    pageCapacity,
                    fileCapacity,
                    ratio,
                    ratio >= 0.4 ? "met" : "NOT met"));
        }
        Bench.report("StatusStormSimulation", lines);
    }
}
