package cn.qualify.perf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The {@code --name value} pairs of a benchmark's command line. */
record Options(String[] args) {
    String text(String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--" + name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    long number(String name, long fallback) {
        return Long.parseLong(text(name, Long.toString(fallback)));
    }

    /** The login names of the generated draft candidates, {@code --candidates} [perf/target/candidates.csv]. */
    List<String> candidates() throws IOException {
        return Files.readAllLines(Path.of(text("candidates", "perf/target/candidates.csv"))).stream()
                .skip(1)
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .toList();
    }
}
