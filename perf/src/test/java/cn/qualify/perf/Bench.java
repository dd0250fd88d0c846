package cn.qualify.perf;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.incrementConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.incrementUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;

import io.gatling.javaapi.core.ClosedInjectionStep;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

/**
 * What the simulations share: their settings (system properties, {@code -Dname=value} on the Maven command line), the
 * injection profiles, and a recorder of every measured request by phase, from which each simulation writes the
 * throughput, percentiles and baseline ratio of its phases to {@code perf/target/results/}. Gatling's own report has
 * the same requests with their names; the recorder adds what Gatling does not compute: throughput per level of a
 * staircase and the ratio of two phases.
 */
final class Bench {

    private Bench() {}

    static String text(String name, String fallback) {
        return System.getProperty(name, fallback);
    }

    static int number(String name, int fallback) {
        return Integer.parseInt(System.getProperty(name, Integer.toString(fallback)));
    }

    static String baseUrl() {
        return text("baseUrl", "http://127.0.0.1:18080");
    }

    static Path target() {
        return Path.of(text("perfTarget", "target"));
    }

    /**
     * The target phase: ramp to {@code rate} users per second in {@code ramp} seconds, then hold it for {@code hold}
     * seconds; every user sends one measured request (open model: arrivals do not wait for answers).
     */
    record Target(double rate, int ramp, int hold) {
        static Target of(String prefix, double rate, int ramp, int hold) {
            return new Target(
                    Double.parseDouble(text(prefix + ".rate", Double.toString(rate))),
                    number(prefix + ".ramp", ramp),
                    number(prefix + ".hold", hold));
        }

        OpenInjectionStep[] injection() {
            return new OpenInjectionStep[] {
                rampUsersPerSec(1).to(rate).during(ramp),
                constantUsersPerSec(rate).during(hold)
            };
        }

        /** The hold's window, in seconds after the phase's first request. */
        double[] window() {
            return new double[] {ramp, ramp + hold};
        }
    }

    /**
     * The capacity staircase: {@code levels} levels of {@code level} seconds, with ramps of {@code ramps} seconds
     * between them, starting from {@code from} and going up by {@code step}. Open ({@link #of}): users arriving per
     * second, whatever the server answers; what a level completes per second while its arrivals outrun the server is
     * its capacity. Closed ({@link #closed}): users in the system at once, each sending one request and replaced as
     * soon as it is answered; a level completes what the server does at that concurrency, and an overloaded server
     * never holds more than a level's users, so it leaves no backlog to the phase after it. The same staircase runs
     * against the baseline.
     */
    record Staircase(double from, double step, int levels, int level, int ramps, boolean closed) {
        static Staircase of(String prefix, double from, double step, int levels, int level) {
            return new Staircase(
                    Double.parseDouble(text(prefix + ".from", Double.toString(from))),
                    Double.parseDouble(text(prefix + ".step", Double.toString(step))),
                    number(prefix + ".levels", levels),
                    number(prefix + ".level", level),
                    number(prefix + ".ramps", 5),
                    false);
        }

        static Staircase closed(String prefix, int from, int step, int levels, int level) {
            return new Staircase(
                    number(prefix + ".from", from),
                    number(prefix + ".step", step),
                    number(prefix + ".levels", levels),
                    number(prefix + ".level", level),
                    number(prefix + ".ramps", 5),
                    true);
        }

        boolean enabled() {
            return levels > 0;
        }

        PopulationBuilder inject(ScenarioBuilder scenario) {
            return inject(scenario, 0);
        }

        /**
         * The staircase after {@code quietSeconds} without requests: the phase before it may have left its server
         * overloaded, still working through requests whose users have given up, and on the same cores that work would
         * be this staircase's. The levels' windows count from the first request, so the quiet does not shift them.
         */
        PopulationBuilder inject(ScenarioBuilder scenario, int quietSeconds) {
            if (closed) {
                if (quietSeconds > 0) {
                    throw new IllegalArgumentException("a closed staircase leaves no backlog to wait for");
                }
                return scenario.injectClosed(incrementConcurrentUsers((int) step)
                        .times(levels)
                        .eachLevelLasting(level)
                        .separatedByRampsLasting(ramps)
                        .startingFrom((int) from));
            }
            var stairs = incrementUsersPerSec(step)
                    .times(levels)
                    .eachLevelLasting(level)
                    .separatedByRampsLasting(ramps)
                    .startingFrom(from);
            return quietSeconds > 0
                    ? scenario.injectOpen(nothingFor(quietSeconds), stairs)
                    : scenario.injectOpen(stairs);
        }

        /** Users per second offered at level {@code k} (open), or users at once (closed). */
        double load(int k) {
            return from + k * step;
        }

        /** The level's window, in seconds after the phase's first request. */
        double[] window(int k) {
            double start = k * (double) (level + ramps);
            return new double[] {start, start + level};
        }
    }

    static ClosedInjectionStep[] none() {
        return new ClosedInjectionStep[0];
    }

    // ---- recording ------------------------------------------------------------------------------------------------

    /** One measured request: when it started and ended (ms since the epoch) and whether its checks passed. */
    record Sample(long start, long end, boolean ok) {
        long millis() {
            return end - start;
        }
    }

    private static final Map<String, ConcurrentLinkedQueue<Sample>> SAMPLES = new ConcurrentHashMap<>();

    /** Marks the start of the measured request; use before the request. */
    static Session started(Session session) {
        return session.set("perf.start", System.currentTimeMillis());
    }

    /** Records the request of this phase that started at {@link #started}; use right after the request. */
    static Function<Session, Session> recorded(String phase) {
        return session -> {
            long start = session.getLong("perf.start");
            SAMPLES.computeIfAbsent(phase, p -> new ConcurrentLinkedQueue<>())
                    .add(new Sample(start, System.currentTimeMillis(), !session.isFailed()));
            return session.markAsSucceeded();
        };
    }

    /** Throughput and latency of the requests of a phase within a window (seconds after the phase's first request). */
    record Stats(
            String phase,
            double offered,
            int requests,
            int errors,
            double throughput,
            long p50,
            long p95,
            long p99,
            long max) {

        String row() {
            return String.format(
                    Locale.ROOT,
                    "| %s | %s | %d | %d | %.1f | %d | %d | %d | %d |",
                    phase,
                    offered > 0 ? String.format(Locale.ROOT, "%.0f", offered) : "",
                    requests,
                    errors,
                    throughput,
                    p50,
                    p95,
                    p99,
                    max);
        }
    }

    static List<Sample> samples(String phase) {
        var queue = SAMPLES.get(phase);
        return queue == null ? List.of() : List.copyOf(queue);
    }

    /**
     * Requests that started within the window give the percentiles and the error count; requests that ended
     * successfully within it give the throughput (completed per second).
     */
    static Stats stats(String phase, String label, double offered, double[] window) {
        var all = samples(phase);
        if (all.isEmpty()) {
            return new Stats(label, offered, 0, 0, 0, 0, 0, 0, 0);
        }
        long origin = all.stream().mapToLong(Sample::start).min().orElseThrow();
        long from = origin + (long) (window[0] * 1000);
        long to = origin + (long) (window[1] * 1000);
        var started =
                all.stream().filter(s -> s.start() >= from && s.start() < to).toList();
        long completed = all.stream()
                .filter(s -> s.ok() && s.end() >= from && s.end() < to)
                .count();
        var millis = started.stream().mapToLong(Sample::millis).sorted().toArray();
        int errors = (int) started.stream().filter(s -> !s.ok()).count();
        return new Stats(
                label,
                offered,
                started.size(),
                errors,
                completed / (window[1] - window[0]),
                percentile(millis, 50),
                percentile(millis, 95),
                percentile(millis, 99),
                millis.length == 0 ? 0 : millis[millis.length - 1]);
    }

    /** The whole phase: from its first request to its last answer. */
    static Stats whole(String phase, String label) {
        var all = samples(phase);
        if (all.isEmpty()) {
            return new Stats(label, 0, 0, 0, 0, 0, 0, 0, 0);
        }
        long origin = all.stream().mapToLong(Sample::start).min().orElseThrow();
        long last = all.stream().mapToLong(Sample::end).max().orElseThrow();
        return stats(phase, label, 0, new double[] {0, (last - origin) / 1000.0 + 0.001});
    }

    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /**
     * The highest rate a staircase's levels completed, and whether the staircase went past it: an open level that
     * completed less than {@link #SATURATED} of what it offered, or a closed level that completed no more than that
     * share above the best of the levels below it. A staircase that did not is only a lower bound of the capacity.
     */
    record Capacity(double best, boolean reached) {

        static final double SATURATED = 0.95;

        String describe() {
            return reached
                    ? String.format(Locale.ROOT, "%.1f/s", best)
                    : String.format(Locale.ROOT, "≥ %.1f/s (not reached: raise the staircase's top level)", best);
        }
    }

    /** Adds the staircase's levels to {@code lines} and returns its {@link Capacity}: best level, and if reached. */
    static Capacity staircase(String phase, String label, Staircase stairs, List<String> lines) {
        double best = 0;
        boolean reached = false;
        for (int k = 0; k < stairs.levels(); k++) {
            var level = stairs.closed()
                    ? String.format(Locale.ROOT, "%s level %d (%.0f at once)", label, k + 1, stairs.load(k))
                    : label + " level " + (k + 1);
            var stats = stats(phase, level, stairs.closed() ? 0 : stairs.load(k), stairs.window(k));
            lines.add(stats.row());
            reached |= stairs.closed()
                    ? k > 0 && stats.throughput() * Capacity.SATURATED <= best
                    : stats.throughput() < stairs.load(k) * Capacity.SATURATED;
            best = Math.max(best, stats.throughput());
        }
        return new Capacity(best, reached);
    }

    static final String HEADER = """
            | phase | offered/s | requests | errors | completed/s | p50 ms | p95 ms | p99 ms | max ms |
            |---|---|---|---|---|---|---|---|---|""";

    /** Prints the summary and appends it to {@code perf/target/results/<simulation>.md}. */
    static void report(String simulation, List<String> lines) {
        var text = new StringBuilder()
                .append("\n## ")
                .append(simulation)
                .append(" · ")
                .append(Instant.now())
                .append("\n\n");
        lines.forEach(line -> text.append(line).append('\n'));
        System.out.println(text);
        try {
            var results = target().resolve("results");
            Files.createDirectories(results);
            Files.writeString(
                    results.resolve(simulation + ".md"), text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            Files.write(results.resolve(simulation + "-timeline.csv"), timeline());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every phase second by second (by the wall clock, to line up with the server's samples.csv and GC log): requests
     * started, errors among them, and their latencies. A percentile over a whole phase does not say whether its slow
     * requests came all at once or spread out.
     */
    static List<String> timeline() {
        var rows = new ArrayList<String>();
        rows.add("phase,second,started,errors,p50_ms,p95_ms,max_ms");
        var clock = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
        SAMPLES.keySet().stream().sorted().forEach(phase -> {
            var bySecond = new TreeMap<Long, List<Sample>>();
            samples(phase)
                    .forEach(sample -> bySecond.computeIfAbsent(sample.start() / 1000, s -> new ArrayList<>())
                            .add(sample));
            bySecond.forEach((second, inSecond) -> {
                var millis =
                        inSecond.stream().mapToLong(Sample::millis).sorted().toArray();
                rows.add(String.format(
                        Locale.ROOT,
                        "%s,%s,%d,%d,%d,%d,%d",
                        phase,
                        clock.format(Instant.ofEpochSecond(second)),
                        millis.length,
                        inSecond.stream().filter(sample -> !sample.ok()).count(),
                        percentile(millis, 50),
                        percentile(millis, 95),
                        millis[millis.length - 1]));
            });
        });
        return rows;
    }

    static List<String> lines(String... first) {
        return new ArrayList<>(Arrays.asList(first));
    }
}
