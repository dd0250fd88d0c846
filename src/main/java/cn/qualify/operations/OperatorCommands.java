package cn.qualify.operations;

import cn.qualify.materials.DocumentStoreUnavailableException;
import java.io.PrintStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertyResolver;
import org.springframework.stereotype.Component;

/**
 * Runs the operator command named by {@code qualify.command} once the application has started, prints its report
 * and exits with its exit code: 0 when all is well, 1 when problems were found, 2 when the command could not run.
 * Without {@code qualify.command} the application runs as a server and this does nothing.
 *
 * <ul>
 *   <li>{@code verify-documents}: every stored image against its recorded SHA-256
 *   <li>{@code purge-documents}: the documents of {@code qualify.purge.exam-year}; {@code qualify.purge.dry-run=true}
 *       only counts
 * </ul>
 */
@Component
public class OperatorCommands implements ApplicationRunner {

    public static final int OK = 0;
    public static final int PROBLEMS = 1;
    public static final int FAILED = 2;
    private static final int LISTED = 200;
    private static final Logger log = LoggerFactory.getLogger(OperatorCommands.class);

    private final DocumentVerification verification;
    private final RetentionPurge purge;
    private final ConfigurableApplicationContext context;
    private final Environment environment;

    OperatorCommands(
            DocumentVerification verification,
            RetentionPurge purge,
            ConfigurableApplicationContext context,
            Environment environment) {
        this.verification = verification;
        this.purge = purge;
        this.context = context;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        var command = environment.getProperty("qualify.command");
        if (command == null || command.isBlank()) {
            return;
        }
        int code = execute(command, environment, System.out);
        log.info("Command {} finished with exit code {}", command, code);
        System.exit(SpringApplication.exit(context, () -> code));
    }

    /** Runs one command and answers its exit code; the report goes to {@code out}. */
    public int execute(String command, PropertyResolver properties, PrintStream out) {
        switch (command) {
            case "verify-documents":
                return verifyDocuments(out);
            case "purge-documents":
                return purgeDocuments(properties, out);
            default:
                out.println("Unknown command '" + command + "': verify-documents or purge-documents");
                return FAILED;
        }
    }

    private int verifyDocuments(PrintStream out) {
        var report = verification.verifyAll();
        out.println("verify-documents: " + report.checked() + " documents checked, "
                + report.missing().size() + " missing, " + report.corrupt().size() + " corrupt");
        report.missing().stream().limit(LISTED).forEach(key -> out.println("MISSING " + key));
        report.corrupt().stream().limit(LISTED).forEach(key -> out.println("CORRUPT " + key));
        if (report.missing().size() + report.corrupt().size() > 2 * LISTED) {
            out.println("(only the first " + LISTED + " of each are listed)");
        }
        if (report.abortedBecause() != null) {
            out.println("STOPPED: the document store cannot be reached: " + report.abortedBecause());
            return FAILED;
        }
        return report.clean() ? OK : PROBLEMS;
    }

    private int purgeDocuments(PropertyResolver properties, PrintStream out) {
        var year = properties.getProperty("qualify.purge.exam-year", Integer.class);
        if (year == null) {
            out.println("purge-documents needs --qualify.purge.exam-year=<year>");
            return FAILED;
        }
        boolean dryRun = properties.getProperty("qualify.purge.dry-run", Boolean.class, false);
        try {
            var result = purge.purge(year, dryRun);
            out.println("purge-documents " + year + (dryRun ? " (dry run): " : ": ") + result.images()
                    + (dryRun
                            ? " images would be purged"
                            : " images purged, " + result.documentsDeleted()
                                    + " documents deleted; " + result.purgedInYear() + " images of " + year
                                    + " are purged in all"));
            return OK;
        } catch (RetentionPurge.PurgeRefused refused) {
            out.println("REFUSED: " + refused.getMessage());
            return FAILED;
        } catch (DocumentStoreUnavailableException unavailable) {
            out.println("STOPPED: the document store cannot be reached; run the command again to finish: "
                    + unavailable.getMessage());
            return FAILED;
        }
    }
}
