package cn.qualify.perf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Target 1 without the load generator: the CPU one accepted upload costs the product and PostgreSQL, against the
 * CPU the bare endpoint ({@link BareUploadServer}) spends receiving the same multipart body and writing it to disk.
 * As {@link CpuPerRequest} does for pages, it reads the processes' CPU time from {@code /proc} around each round and
 * divides by the uploads in it; the ratio of the two costs is the ratio of what two cores would serve of each.
 *
 * <p>{@code CpuPerUpload --pid <server pid> --bare-pid <bare endpoint pid> [--base http://127.0.0.1:18080] [--bare
 * http://127.0.0.1:18090/upload] [--candidates perf/target/candidates.csv] [--offset 70000] [--images
 * perf/target/images] [--uploads 560] [--threads 4] [--rounds 6] [--password Qualify-2025]}: logs in {@code uploads /
 * 14} candidates for each round first (each has 14 free image slots, 7 in each of two materials), then in each round
 * sends the product {@code uploads} uploads from {@code threads} threads, one candidate at a time per thread (so that
 * no two uploads race for one application), and the bare endpoint as many. Between rounds it waits until the
 * server is idle again, so that the verification the uploads started (off the request path, slowed down at the peak
 * to at most {@code peak-verifications} a second) is counted in the round that caused it only as far as it ran in
 * that round, as it would at a real peak. The first half of the rounds warms up; the median of the rest counts.
 *
 * <p>With {@code --tomcat-bare <url> --tomcat-bare-pid <pid>} each round also sends as many uploads to
 * {@link TomcatBareUploadServer}, the bare endpoint's work on the product's servlet container, and reports its cost
 * and ratio as well: what part of the gap is the container and what part the product's work on top of it.
 */
public final class CpuPerUpload {

    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private static final int SLOTS_PER_CANDIDATE = 14;
    private static final String[] MATERIALS = {"PROBATION_ASSESSMENT", "INSTITUTION_LICENSE"};
    private static final String BOUNDARY = "qualify-perf-boundary";

    private final URI base;
    private final List<byte[]> bodies;
    private final HttpClient bareClient =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private CpuPerUpload(URI base, List<byte[]> bodies) {
        this.base = base;
        this.bodies = bodies;
    }

    /**
     * A baseline measured in every round next to the product: where it listens, its process, and its cost an upload
     * in each round.
     */
    private record Baseline(String name, URI url, long pid, double[] costs) {}

    /** A logged-in candidate: its client (with the session cookie) and its CSRF token. */
    private record Candidate(HttpClient client, String csrf) {}

    public static void main(String[] args) throws Exception {
        var options = new Options(args);
        long serverPid = options.number("pid", -1);
        long barePid = options.number("bare-pid", -1);
        if (serverPid < 0 || barePid < 0) {
            throw new IllegalArgumentException("--pid of the server and --bare-pid of the bare endpoint are required");
        }
        List<byte[]> bodies;
        try (Stream<Path> files = Files.list(Path.of(options.text("images", "perf/target/images")))) {
            bodies = files.filter(f -> f.getFileName().toString().startsWith("upload-"))
                    .sorted()
                    .map(CpuPerUpload::multipart)
                    .toList();
        }
        if (bodies.isEmpty()) {
            throw new IllegalStateException("No upload-*.jpg images: run BenchImages first (docs/performance.md)");
        }
        var bench = new CpuPerUpload(URI.create(options.text("base", "http://127.0.0.1:18080")), bodies);
        int rounds = (int) options.number("rounds", 6);
        var baselines = new ArrayList<Baseline>();
        baselines.add(new Baseline(
                "bare endpoint",
                URI.create(options.text("bare", "http://127.0.0.1:18090/upload")),
                barePid,
                new double[rounds]));
        long tomcatPid = options.number("tomcat-bare-pid", -1);
        if (tomcatPid >= 0) {
            baselines.add(new Baseline(
                    "bare endpoint on Tomcat",
                    URI.create(options.text("tomcat-bare", "http://127.0.0.1:18091/upload")),
                    tomcatPid,
                    new double[rounds]));
        }
        int threads = (int) options.number("threads", 4);
        int perRound = (int) options.number("uploads", 560);
        int candidatesPerRound = (perRound + SLOTS_PER_CANDIDATE - 1) / SLOTS_PER_CANDIDATE;
        var names = options.candidates();
        int offset = (int) options.number("offset", 70_000);
        var password = options.text("password", "Qualify-2025");
        var candidates = new ArrayList<List<Candidate>>();
        for (int round = 0; round < rounds; round++) {
            var ofRound = new ArrayList<Candidate>();
            for (int i = 0; i < candidatesPerRound; i++) {
                ofRound.add(bench.logIn(names.get(offset + round * candidatesPerRound + i), password));
            }
            candidates.add(ofRound);
        }
        var product = new double[rounds];
        System.out.println("| round | endpoint | uploads | errors | uploads/s | server ms | database ms | total ms |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (int round = 0; round < rounds; round++) {
            awaitIdle(serverPid);
            var ofRound = candidates.get(round);
            var cost = ProcessCpu.measure(
                    serverPid, true, perRound, threads, (thread, i) -> bench.upload(ofRound, thread, threads, i));
            product[round] = cost.totalMillis();
            print(round, "product", perRound, cost);
            for (var measured : baselines) {
                awaitIdle(serverPid);
                cost = ProcessCpu.measure(
                        measured.pid(), false, perRound, threads, (thread, i) -> bench.bareUpload(measured.url(), i));
                measured.costs()[round] = cost.totalMillis();
                print(round, measured.name(), perRound, cost);
            }
        }
        double productMedian = ProcessCpu.median(Arrays.copyOfRange(product, rounds / 2, rounds));
        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "product: %.3f ms of CPU an upload (median of rounds %d-%d); two cores accept at most %.0f/s%n",
                productMedian,
                rounds / 2 + 1,
                rounds,
                2000 / productMedian);
        for (var measured : baselines) {
            double median = ProcessCpu.median(Arrays.copyOfRange(measured.costs(), rounds / 2, rounds));
            System.out.printf(
                    Locale.ROOT,
                    "%s: %.3f ms; two cores accept at most %.0f/s; ratio of costs %s / product: %.2f%n",
                    measured.name(),
                    median,
                    2000 / median,
                    measured.name(),
                    median / productMedian);
        }
    }

    private static void print(int round, String endpoint, int uploads, ProcessCpu.Cost cost) {
        System.out.printf(
                Locale.ROOT,
                "| %d | %s | %d | %d | %.0f | %.3f | %.3f | %.3f |%n",
                round + 1,
                endpoint,
                uploads,
                cost.errors(),
                cost.perSecond(),
                cost.serverMillis(),
                cost.databaseMillis(),
                cost.totalMillis());
    }

    /**
     * The {@code index}-th upload of a round, sent by {@code thread}: each thread works through its own candidates,
     * {@value #SLOTS_PER_CANDIDATE} uploads each, alternating between the two materials.
     */
    private boolean upload(List<Candidate> candidates, int thread, int threads, int index)
            throws IOException, InterruptedException {
        int nth = index / threads;
        var candidate = candidates.get((thread + threads * (nth / SLOTS_PER_CANDIDATE)) % candidates.size());
        var material = MATERIALS[nth % 2];
        var request = HttpRequest.newBuilder(base.resolve("/api/v1/candidate/materials/" + material + "/images"))
                .header("X-CSRF-TOKEN", candidate.csrf())
                .header("Accept", "application/json")
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(index % bodies.size())))
                .build();
        return candidate
                        .client()
                        .send(request, HttpResponse.BodyHandlers.discarding())
                        .statusCode()
                == 201;
    }

    private boolean bareUpload(URI bare, int index) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(bare)
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(index % bodies.size())))
                .build();
        return bareClient.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 201;
    }

    /** Logs in through the API as the upload simulation does; the client keeps the session cookie. */
    private Candidate logIn(String loginName, String password) throws IOException, InterruptedException {
        var client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        var first = TOKEN.matcher(client.send(
                        HttpRequest.newBuilder(base.resolve("/api/v1/auth/csrf"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body());
        if (!first.find()) {
            throw new IllegalStateException("No CSRF token from /api/v1/auth/csrf");
        }
        var answer = client.send(
                HttpRequest.newBuilder(base.resolve("/api/v1/auth/login"))
                        .header("X-CSRF-TOKEN", first.group(1))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"loginName\":\"" + loginName + "\",\"password\":\"" + password + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        var token = TOKEN.matcher(answer.body());
        if (answer.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("Log-in of " + loginName + " failed: " + answer.statusCode());
        }
        return new Candidate(client, token.group(1));
    }

    /** Waits until the server has used less than a tenth of a core for two seconds running. */
    private static void awaitIdle(long pid) throws InterruptedException {
        int quietSeconds = 0;
        while (quietSeconds < 2) {
            long before = ProcessCpu.ticks(pid);
            Thread.sleep(1000);
            quietSeconds = ProcessCpu.ticks(pid) - before < ProcessCpu.TICKS_PER_SECOND / 10 ? quietSeconds + 1 : 0;
        }
    }

    /** The multipart body the browser sends: one file part, {@code file}, with the photo. */
    private static byte[] multipart(Path image) {
        try {
            var body = new ByteArrayOutputStream();
            body.write(
                    ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"photo.jpg\"\r\n"
                                    + "Content-Type: image/jpeg\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            body.write(Files.readAllBytes(image));
            body.write(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
            return body.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
