package cn.qualify.perf;

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
}
