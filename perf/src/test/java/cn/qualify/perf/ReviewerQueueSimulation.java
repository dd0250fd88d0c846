package cn.qualify.perf;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Target 4 (reviewer queue): with the generated 1,000,000 applications and 8,000,000 image rows, reviewers open
 * filtered queue pages and the review screen's data. Each arriving user (open model, {@code queue.rate} = 20/s for
 * {@code queue.hold} = 120 s after a 20 s ramp) is one of the demo reviewers (exam points 沈阳 and 大连, and the
 * district) and, with one of the filters below, loads the queue page ({@code GET /review?…}, HTML), the same page as
 * JSON, the page after it (keyset cursor), and the review screen's data of an application on it ({@code GET
 * /api/v1/review/applications/{id}}, which also writes the view to the audit trail). Every request: p95 ≤ 150 ms.
 */
public class ReviewerQueueSimulation extends Simulation {

    /** Queue filters as the queue page's form sends them; empty is the reviewer's default queue. */
    static final List<String> FILTERS = List.of(
            "",
            "state=SUBMITTED",
            "state=RETURNED&deadlineSoon=true",
            "flag=BLURRY",
            "flag=ANY&state=ALL",
            "resubmitted=true",
            "state=ALL",
            "state=APPROVED",
            "route=BACHELOR_PHYSICIAN&state=SUBMITTED",
            "q=%E7%8E%8B%E4%BC%9F%E4%B8%80");

    private final double rate = Double.parseDouble(Bench.text("queue.rate", "20"));
    private final int ramp = Bench.number("queue.ramp", 20);
    private final int hold = Bench.number("queue.hold", 120);
    private final Logins reviewers = new Logins("reviewers");

    private final HttpProtocolBuilder protocol = http.baseUrl(Bench.baseUrl())
            .shareConnections()
            .disableFollowRedirect()
            .acceptLanguageHeader("zh-CN,zh;q=0.9")
            .userAgentHeader("qualify-perf");

    private Iterator<Map<String, Object>> filters() {
        var next = new AtomicLong();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Map<String, Object> next() {
                var filter = FILTERS.get((int) (next.getAndIncrement() % FILTERS.size()));
                return Map.of("filter", filter, "and", filter.isEmpty() ? "" : "&");
            }
        };
    }

    private static ChainBuilder measured(String phase, ChainBuilder request) {
        return exec(Bench::started).exec(request).exec(Bench.recorded(phase));
    }

    {
        var names = List.of(
                Bench.text("queue.reviewers", "shenyang,dalian,district").split(","));
        var browse = scenario("reviewers")
                .feed(reviewers.feeder())
                .feed(filters())
                .exec(session -> session.remove("next").remove("ids"))
                .exec(measured(
                        "queue page",
                        exec(http("queue page")
                                .get("/review?#{filter}")
                                .header("Cookie", "QUALIFY_SESSION=#{sessionCookie}")
                                .check(status().is(200)))))
                .exec(measured(
                        "queue json",
                        exec(http("queue page (JSON)")
                                .get("/api/v1/review/applications?#{filter}#{and}size=50")
                                .header("Cookie", "QUALIFY_SESSION=#{sessionCookie}")
                                .check(
                                        status().is(200),
                                        jsonPath("$.items[*].id")
                                                .findAll()
                                                .optional()
                                                .saveAs("ids"),
                                        jsonPath("$.next").optional().saveAs("next")))))
                .doIf(session -> session.contains("next"))
                .then(measured(
                        "queue next page",
                        exec(http("queue next page (JSON)")
                                .get("/api/v1/review/applications?#{filter}#{and}size=50&after=#{next}")
                                .header("Cookie", "QUALIFY_SESSION=#{sessionCookie}")
                                .check(status().is(200)))))
                .doIf(session -> session.contains("ids"))
                .then(exec(session -> {
                            List<String> ids = session.getList("ids");
                            return session.set("id", ids.get((int) (Math.random() * ids.size())));
                        })
                        .exec(measured(
                                "review screen data",
                                exec(http("review screen data")
                                        .get("/api/v1/review/applications/#{id}")
                                        .header("Cookie", "QUALIFY_SESSION=#{sessionCookie}")
                                        .check(status().is(200))))));

        setUp(reviewers
                        .scenario(names, Bench.text("password", "Qualify-2025"))
                        .injectOpen(Logins.injection(names.size(), 2))
                        .andThen(browse.injectOpen(
                                rampUsersPerSec(1).to(rate).during(ramp),
                                constantUsersPerSec(rate).during(hold))))
                .protocols(protocol)
                .assertions(
                        details("log in").failedRequests().count().is(0L),
                        details("queue page").failedRequests().count().is(0L),
                        details("queue page").responseTime().percentile(95.0).lte(150),
                        details("queue page (JSON)")
                                .responseTime()
                                .percentile(95.0)
                                .lte(150),
                        details("queue next page (JSON)")
                                .responseTime()
                                .percentile(95.0)
                                .lte(150),
                        details("review screen data").failedRequests().count().is(0L),
                        details("review screen data")
                                .responseTime()
                                .percentile(95.0)
                                .lte(150));
    }

    @Override
    public void after() {
        var lines = Bench.lines(Bench.HEADER);
        var window = new double[] {ramp, ramp + hold};
        for (var phase : List.of("queue page", "queue json", "queue next page", "review screen data")) {
            lines.add(Bench.stats(phase, phase + ", hold", 0, window).row());
        }
        lines.add("");
        lines.add(String.format(
                Locale.ROOT,
                "%.0f reviewer visits/s (each up to 4 requests), filters: %s",
                rate,
                String.join(
                        " · ",
                        FILTERS.stream().map(f -> f.isEmpty() ? "(default)" : f).toList())));
        Bench.report("ReviewerQueueSimulation", lines);
    }
}
