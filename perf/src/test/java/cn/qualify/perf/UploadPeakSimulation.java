package cn.qualify.perf;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.ByteArrayBodyPart;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Target 1 (upload peak) and target 5 (memory): logged-in candidates upload ~150 KB JPEGs to the product's API
 * ({@code POST /api/v1/candidate/materials/{material}/images}), open model, ramped to and held at {@code upload.rate}
 * (150/s for 120 s after a 30 s ramp, which follow {@code upload.warmup} seconds (60) ramped to a third of that rate
 * to compile the upload path), while pixel-flood and PNG-bomb uploads arrive at {@code upload.hostileRate}
 * (2/s) and must be refused with 422. The same injection then runs against the bare endpoint ({@link
 * BareUploadServer} at {@code bareUrl}). Capacity staircases follow, open model: the bare endpoint's first (300/s up
 * by 200/s, 8 levels of 20 s, {@code upload.bareCapacity.*}), then, after {@code upload.capacity.quiet} seconds (20)
 * without requests, the product's (100/s up by 50/s, 6 levels of 20 s, {@code upload.capacity.*}), each meant to
 * overload its server at its top; the ratio of the highest rates they complete is the comparison of the target, and
 * the report says when a staircase's top level was still completed, so that its best level is only a lower bound.
 *
 * <p>Each candidate has 16 free image slots (8 in PROBATION_ASSESSMENT and 8 in INSTITUTION_LICENSE after the
 * generator's 2 + 2), so the simulation logs in enough candidates for every upload of the run, starting at {@code
 * upload.offset} in perf/target/candidates.csv.
 */
public class UploadPeakSimulation extends Simulation {

    private static final int FREE_SLOTS = 14;

    private final Bench.Target target = Bench.Target.of("upload", 150, 30, 120);
    /** Seconds of uploads ramped to a third of the target rate first, so that the hold meets a compiled server. */
    private final int warmup = Bench.number("upload.warmup", 60);

    private final Bench.Staircase stairs = Bench.Staircase.of("upload.capacity", 100, 50, 6, 20);
    private final Bench.Staircase bareStairs = Bench.Staircase.of("upload.bareCapacity", 300, 200, 8, 20);
    /** Seconds without requests between the staircases, for the bare endpoint to finish what its top level left. */
    private final int quietBeforeProduct = Bench.number("upload.capacity.quiet", 20);

    private final double hostileRate = Double.parseDouble(Bench.text("upload.hostileRate", "2"));
    private final String bareUrl = Bench.text("bareUrl", "http://127.0.0.1:18090") + "/upload";
    private final List<byte[]> images = images();
    private final byte[] pixelFlood = read(Bench.target().resolve("images/bad/pixel-flood.jpg"));
    private final byte[] pngBomb = read(Bench.target().resolve("images/bad/png-bomb.png"));
    private final Logins candidates = new Logins("candidates");
    /** Seconds to wait at most for the hold's verification backlog to drain before the bare endpoint's phases. */
    private final int drainLimit = Bench.number("upload.drainLimit", 1200);

    private final String metricsToken = Bench.text("metricsToken", "perf-metrics");
    private final Drain drain = new Drain();
    private final int sessions = Bench.number("upload.sessions", sessionsNeeded());

    private final HttpProtocolBuilder protocol = http.baseUrl(Bench.baseUrl())
            .shareConnections()
            .disableFollowRedirect()
            .acceptHeader("application/json")
            .userAgentHeader("qualify-perf");

    private int sessionsNeeded() {
        double uploads = target.rate() * (warmup / 6.0 + target.ramp() / 2.0 + target.hold());
        for (int k = 0; k < stairs.levels(); k++) {
            uploads += stairs.load(k) * (stairs.level() + stairs.ramps());
        }
        return Math.max(10, (int) Math.ceil(uploads / FREE_SLOTS));
    }

    private static List<byte[]> images() {
        try (var files = Files.list(Bench.target().resolve("images"))) {
            return files.filter(f -> f.getFileName().toString().startsWith("upload-"))
                    .sorted()
                    .map(UploadPeakSimulation::read)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("no perf/target/images: run BenchImages (perf/run-all.sh does)", e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Iterator<Map<String, Object>> imageFeeder() {
        var next = new AtomicLong();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Map<String, Object> next() {
                return Map.of("image", images.get((int) (next.getAndIncrement() % images.size())));
            }
        };
    }

    /** One upload to the product as a logged-in candidate, into a material with a free slot. */
    private ChainBuilder productUpload(String request, String phase) {
        return exec(session -> session.set(
                        "material", session.getLong("turn") % 2 == 0 ? "PROBATION_ASSESSMENT" : "INSTITUTION_LICENSE"))
                .exec(Bench::started)
                .exec(http(request)
                        .post("/api/v1/candidate/materials/#{material}/images")
                        .header("X-CSRF-TOKEN", "#{csrf}")
                        .header("Cookie", "QUALIFY_SESSION=#{sessionCookie}")
                        .bodyPart(ByteArrayBodyPart("file", session -> session.get("image"))
                                .fileName("photo.jpg")
                                .contentType("image/jpeg"))
                        .asMultipartForm()
                        .check(status().is(201)))
                .exec(Bench.recorded(phase));
    }

    /** The same multipart body to the bare endpoint. */
    private ChainBuilder bareUpload(String request, String phase) {
        return exec(Bench::started)
                .exec(http(request)
                        .post(bareUrl)
                        .bodyPart(ByteArrayBodyPart("file", session -> session.get("image"))
                                .fileName("photo.jpg")
                                .contentType("image/jpeg"))
                        .asMultipartForm()
                        .check(status().is(201)))
                .exec(Bench.recorded(phase));
    }

    private ScenarioBuilder product(String name, String request) {
        return scenario(name).feed(candidates.feeder()).feed(imageFeeder()).exec(productUpload(request, name));
    }

    /**
     * Reads the product's verification backlog ({@code qualify_verification_backlog}) once a second until it is
     * zero or {@code upload.drainLimit} seconds have passed: the bare endpoint's phases follow, and verification at
     * full speed would take the cores from them. The drain's rate is the product's own target 2, sweep and all.
     */
    private ScenarioBuilder drain() {
        return scenario("verification drain")
                .asLongAs(session -> drain.goesOn(drainLimit))
                .on(exec(http("verification backlog")
                                .get("/actuator/prometheus")
                                .header("Accept", "text/plain")
                                .header("Authorization", "Bearer " + metricsToken)
                                .check(status().is(200))
                                .check(regex("(?m)^qualify_verification_backlog (\\S+)$")
                                        .saveAs("backlog")))
                        .exitHereIfFailed()
                        .exec(session -> {
                            drain.read((long) Double.parseDouble(session.getString("backlog")));
                            return session;
                        })
                        .pause(Duration.ofSeconds(1)));
    }

    /** The backlog as read while it drains: its first and last reading and when they were taken. */
    static final class Drain {
        private long first = -1;
        private long last = -1;
        private long startedNanos;
        private long lastNanos;

        synchronized boolean goesOn(int limitSeconds) {
            return last != 0 && (first < 0 || System.nanoTime() - startedNanos < limitSeconds * 1_000_000_000L);
        }

        synchronized void read(long backlog) {
            lastNanos = System.nanoTime();
            if (first < 0) {
                first = backlog;
                startedNanos = lastNanos;
            }
            last = backlog;
        }

        synchronized String summary() {
            double seconds = (lastNanos - startedNanos) / 1e9;
            return first < 0
                    ? "Verification backlog after the hold: not read."
                    : String.format(
                            Locale.ROOT,
                            "Verification backlog after the hold: %d images, %d left after %.0f s (%.1f verified a"
                                    + " second while nothing else ran).",
                            first,
                            last,
                            seconds,
                            seconds > 0 ? (first - last) / seconds : 0.0);
        }
    }

    private ScenarioBuilder bare(String name, String request) {
        return scenario(name).feed(imageFeeder()).exec(bareUpload(request, name));
    }

    /** Pixel floods and PNG bombs, alternately; each must be refused (422) without reading more than its header. */
    private ScenarioBuilder hostile() {
        var next = new AtomicLong();
        Iterator<Map<String, Object>> files = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Map<String, Object> next() {
                boolean flood = next.getAndIncrement() % 2 == 0;
                return Map.of(
                        "hostile", flood ? pixelFlood : pngBomb,
                        "hostileName", flood ? "flood.jpg" : "bomb.png",
                        "hostileType", flood ? "image/jpeg" : "image/png");
            }
        };
        return scenario("hostile uploads")
                .feed(candidates.feeder())
                .feed(files)
                .exec(Bench::started)
                .exec(http("hostile upload")
                        .post("/api/v1/candidate/materials/PROBATION_ASSESSMENT/images")
                        .header("X-CSRF-TOKEN", "#{csrf}")
                        .header("Cookie", "QUALIFY_SESSION=#{sessionCookie}")
                        .bodyPart(ByteArrayBodyPart("file", session -> session.get("hostile"))
                                .fileName("#{hostileName}")
                                .contentType("#{hostileType}"))
                        .asMultipartForm()
                        .check(status().is(422)))
                .exec(Bench.recorded("hostile"));
    }

    {
        var loginNames = Logins.candidates(Bench.number("upload.offset", 0), sessions);
        PopulationBuilder last = null;
        if (stairs.enabled()) {
            // the baseline first: the product's staircase overloads it at its top levels, and its backlog would
            // take the cores from whatever ran after it
            last = bareStairs
                    .inject(bare("bare capacity", "bare upload (capacity)"))
                    .andThen(stairs.inject(product("product capacity", "upload (capacity)"), quietBeforeProduct));
        }
        var bareTarget = bare("bare target", "bare upload").injectOpen(target.injection());
        if (last != null) {
            bareTarget = bareTarget.andThen(last);
        }
        if (drainLimit > 0) {
            bareTarget = drain().injectOpen(atOnceUsers(1)).andThen(bareTarget);
        }
        var productTarget = product("product target", "upload")
                .injectOpen(target.injection())
                .andThen(bareTarget);
        var warmedTarget = warmup > 0
                ? product("product warm-up", "upload (warm-up)")
                        .injectOpen(rampUsersPerSec(1).to(target.rate() / 3).during(warmup))
                        .andThen(productTarget)
                : productTarget;
        var peak = hostileRate > 0
                ? new PopulationBuilder[] {
                    warmedTarget,
                    hostile()
                            .injectOpen(
                                    nothingFor(warmup),
                                    constantUsersPerSec(hostileRate).during(target.ramp() + target.hold()))
                }
                : new PopulationBuilder[] {warmedTarget};
        setUp(candidates
                        .scenario(loginNames, Bench.text("password", "Qualify-2025"))
                        .injectOpen(Logins.injection(sessions, Double.parseDouble(Bench.text("login.rate", "20"))))
                        .andThen(peak))
                .protocols(protocol)
                .assertions(
                        details("log in").failedRequests().count().is(0L),
                        details("upload").failedRequests().count().is(0L),
                        details("upload").responseTime().percentile(95.0).lte(300),
                        details("hostile upload").failedRequests().count().is(0L));
    }

    @Override
    public void after() {
        var lines = Bench.lines(Bench.HEADER);
        var product = Bench.stats("product target", "upload, hold", target.rate(), target.window());
        var bare = Bench.stats("bare target", "bare upload, hold", target.rate(), target.window());
        lines.add(product.row());
        lines.add(bare.row());
        if (hostileRate > 0) {
            lines.add(Bench.whole("hostile", "hostile uploads (422 expected)").row());
        }
        Bench.Capacity productCapacity = null;
        Bench.Capacity bareCapacity = null;
        if (stairs.enabled() && bareStairs.enabled()) {
            bareCapacity = Bench.staircase("bare capacity", "bare capacity", bareStairs, lines);
            productCapacity = Bench.staircase("product capacity", "upload capacity", stairs, lines);
        }
        lines.add("");
        if (drainLimit > 0) {
            lines.add(drain.summary());
        }
        lines.add(String.format(
                Locale.ROOT,
                "logged-in candidates: %d. Hold: %.1f uploads/s completed, p95 %d ms, %d errors (target ≥ %.0f/s, p95 ≤ 300"
                        + " ms, 0 errors: %s).",
                sessions,
                product.throughput(),
                product.p95(),
                product.errors(),
                target.rate(),
                product.throughput() >= target.rate() * 0.98 && product.p95() <= 300 && product.errors() == 0
                        ? "met"
                        : "NOT met"));
        if (bareCapacity != null && bareCapacity.best() > 0) {
            double ratio = productCapacity.best() / bareCapacity.best();
            lines.add(String.format(
                    Locale.ROOT,
                    "Capacity: product %s, bare endpoint %s, ratio %s%.2f (target ≥ 0.50: %s).",
                    productCapacity.describe(),
                    bareCapacity.describe(),
                    bareCapacity.reached() ? "" : "at most ",
                    ratio,
                    !productCapacity.reached() || !bareCapacity.reached()
                            ? "not measured, a capacity was not reached"
                            : ratio >= 0.5 ? "met" : "NOT met"));
        }
        Bench.report("UploadPeakSimulation", lines);
    }
}
