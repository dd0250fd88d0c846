package cn.qualify.perf;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the request threads spend their CPU, from a JFR recording of the server ({@code jcmd <pid> JFR.start
 * settings=profile}, then {@code JFR.dump}): the execution samples of threads whose name starts with {@code --threads}
 * (Tomcat's {@code http-nio} by default), counted once per method on the stack ("inclusive": the method or something
 * it called was running) and by the top frame alone ("self").
 *
 * <p>{@code JfrHotMethods --file recording.jfr [--threads http-nio] [--top 40] [--match cn.qualify] [--callers
 * name]}: {@code --match} adds a third table of inclusive shares restricted to methods whose class name contains it;
 * {@code --callers} adds the most frequent stacks (up to {@code --depth} [12] frames) leading to methods whose name
 * contains it; {@code --skip} leaves out every sample with a method whose name contains it on the stack (the
 * log-ins of a benchmark, say: {@code --skip BCrypt}); {@code --within} keeps only the samples with a method whose
 * name contains it on the stack and adds a table of what that method called (its outermost frame on the stack, and the
 * frame it called), to see where the time inside one method went.
 */
public final class JfrHotMethods {

    public static void main(String[] args) throws IOException {
        var options = new Options(args);
        var file = Path.of(options.text("file", "perf/target/server/profile.jfr"));
        var threads = options.text("threads", "http-nio");
        int top = (int) options.number("top", 40);
        var match = options.text("match", "cn.qualify");
        var callersOf = options.text("callers", "");
        int depth = (int) options.number("depth", 12);
        var skip = options.text("skip", "");
        var within = options.text("within", "");
        var callees = new HashMap<String, Integer>();
        var callers = new HashMap<String, Integer>();
        var inclusive = new HashMap<String, Integer>();
        var self = new HashMap<String, Integer>();
        int samples = 0;
        try (var recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                    continue;
                }
                var thread = event.getThread("sampledThread");
                if (thread == null
                        || thread.getJavaName() == null
                        || !thread.getJavaName().startsWith(threads)) {
                    continue;
                }
                var stack = event.getStackTrace();
                if (stack == null || stack.getFrames().isEmpty()) {
                    continue;
                }
                if (!skip.isEmpty()
                        && stack.getFrames().stream()
                                .anyMatch(frame -> name(frame).contains(skip))) {
                    continue;
                }
                var frames = stack.getFrames();
                if (!within.isEmpty()) {
                    int outermost = -1;
                    for (int i = frames.size() - 1; i >= 0 && outermost < 0; i--) {
                        if (name(frames.get(i)).contains(within)) {
                            outermost = i;
                        }
                    }
                    if (outermost < 0) {
                        continue;
                    }
                    callees.merge(outermost == 0 ? "(itself)" : name(frames.get(outermost - 1)), 1, Integer::sum);
                }
                samples++;
                self.merge(name(frames.get(0)), 1, Integer::sum);
                Set<String> seen = new HashSet<>();
                for (int i = 0; i < frames.size(); i++) {
                    var name = name(frames.get(i));
                    if (seen.add(name)) {
                        inclusive.merge(name, 1, Integer::sum);
                    }
                    if (!callersOf.isEmpty() && name.contains(callersOf) && seen.size() == i + 1) {
                        callers.merge(path(frames.subList(i, Math.min(frames.size(), i + depth))), 1, Integer::sum);
                    }
                }
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%d samples of threads %s*%s in %s%n",
                samples,
                threads,
                within.isEmpty() ? "" : " within " + within,
                file);
        if (!within.isEmpty()) {
            print("called by " + within, callees, samples, top, "");
        }
        print("self", self, samples, top, "");
        print("inclusive", inclusive, samples, top, "");
        print("inclusive, " + match, inclusive, samples, top, match);
        if (!callersOf.isEmpty()) {
            print("stacks leading to " + callersOf, callers, samples, 10, "");
        }
    }

    private static String path(java.util.List<RecordedFrame> frames) {
        var path = new StringBuilder();
        for (var frame : frames) {
            path.append("<br>").append(name(frame)).append(':').append(frame.getLineNumber());
        }
        return path.substring(4);
    }

    private static String name(RecordedFrame frame) {
        var method = frame.getMethod();
        return method.getType().getName() + "." + method.getName();
    }

    private static void print(String title, Map<String, Integer> counts, int samples, int top, String match) {
        System.out.printf("%n## %s%n%n| %% | samples | method |%n|---|---|---|%n", title);
        counts.entrySet().stream()
                .filter(entry -> entry.getKey().contains(match))
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(top)
                .forEach(entry -> System.out.printf(
                        Locale.ROOT,
                        "| %.1f | %d | %s |%n",
                        100.0 * entry.getValue() / samples,
                        entry.getValue(),
                        entry.getKey()));
    }
}
