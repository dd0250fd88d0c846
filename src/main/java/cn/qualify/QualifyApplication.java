package cn.qualify;

import java.util.Arrays;
import java.util.stream.Stream;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Registration materials and qualification review for the physician licensing exam. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class QualifyApplication {

    public static void main(String[] args) {
        SpringApplication.run(QualifyApplication.class, withCommandDefaults(args));
    }

    /**
     * An operator command ({@code --qualify.command=…}) runs next to the serving nodes: its web server takes a free
     * port rather than the node's, unless a port is given.
     */
    static String[] withCommandDefaults(String[] args) {
        boolean command = Arrays.stream(args).anyMatch(arg -> arg.startsWith("--qualify.command="));
        boolean port = Arrays.stream(args).anyMatch(arg -> arg.startsWith("--server.port="));
        return command && !port
                ? Stream.concat(Stream.of("--server.port=0"), Arrays.stream(args))
                        .toArray(String[]::new)
                : args;
    }
}
