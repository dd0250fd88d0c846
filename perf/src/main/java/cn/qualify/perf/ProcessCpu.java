package cn.qualify.perf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/** CPU time of the processes a benchmark measures, read from {@code /proc} (Linux only). */
final class ProcessCpu {

    static final long TICKS_PER_SECOND = 100;

    private ProcessCpu() {}

    /** User and system CPU of a process, in clock ticks ({@code utime + stime} of {@code /proc/<pid>/stat}). */
    static long ticks(long pid) {
        try {
            var stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("No process " + pid, e);
        }
    }

    /** The CPU of every PostgreSQL process: the backends serving the server's pool and the background workers. */
    static long databaseTicks() {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes
                    .filter(dir -> dir.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(ProcessCpu::isPostgres)
                    .mapToLong(dir -> {
                        try {
                            return ticks(Long.parseLong(dir.getFileName().toString()));
                        } catch (java.io.UncheckedIOException ended) {
                            return 0; // a backend that ended between the listing and the reading
                        }
                    })
                    .sum();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list /proc", e);
        }
    }

    private static boolean isPostgres(Path process) {
        try {
            return Files.readString(process.resolve("comm")).strip().startsWith("postgres");
        } catch (IOException | RuntimeException gone) {
            return false;
        }
    }

    static double median(double[] values) {
        var sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** One request of a round, sent by {@code thread}; true if it was answered as expected. */
    interface Request {
        boolean send(int thread, int index) throws IOException, InterruptedException;
    }

    /** What a round cost: per request, in milliseconds of CPU. */
    record Cost(int errors, double perSecond, double serverMillis, double databaseMillis) {
        double totalMillis() {
            return serverMillis + databaseMillis;
        }
    }

    /**
     * Sends {@code requests} requests from {@code threads} threads (thread {@code t} sends the requests {@code t},
     * {@code t + threads}, …) and divides the CPU the process {@code pid} spent meanwhile by their number, and that
     * of PostgreSQL if {@code withDatabase} (a server that does not use it would otherwise be charged with its
     * background work, such as vacuuming after the product's round).
     */
    static Cost measure(long pid, boolean withDatabase, int requests, int threads, Request request)
            throws InterruptedException {
        var errors = new AtomicInteger();
        var workers = new ArrayList<Thread>();
        long serverBefore = ticks(pid);
        long databaseBefore = databaseTicks();
        long started = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            var worker = new Thread(() -> {
                for (int i = thread; i < requests; i += threads) {
                    try {
                        if (!request.send(thread, i)) {
                            errors.incrementAndGet();
                        }
                    } catch (IOException | InterruptedException e) {
                        errors.incrementAndGet();
                    }
                }
            });
            worker.start();
            workers.add(worker);
        }
        for (var worker : workers) {
            worker.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double server = (ticks(pid) - serverBefore) * 1000.0 / TICKS_PER_SECOND / requests;
        double database = withDatabase ? (databaseTicks() - databaseBefore) * 1000.0 / TICKS_PER_SECOND / requests : 0;
        return new Cost(errors.get(), requests / seconds, server, database);
    }
}
