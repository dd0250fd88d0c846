package cn.qualify.registration;

import cn.qualify.exam.ExamYears;
import cn.qualify.identity.Account;
import cn.qualify.identity.Accounts;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Administrators' bulk import of registration info for the current exam year, in two steps. The dry run reads and
 * checks every row, stores nothing but the parsed upload (see {@link ImportStaging}) and answers the report. The
 * confirmation checks the staged rows again and imports, in one transaction, either all rows (only when none has an
 * error) or only the valid ones; a document number without an account gets a candidate account to be claimed (see
 * {@link Accounts#importCandidate}).
 */
@Service
class RegistrationImports {

    /** How the administrator confirms. */
    enum Mode {
        ALL,
        VALID_ONLY
    }

    /**
     * The dry run's answer.
     *
     * @param token names the staged upload for the confirmation; null when nothing can be imported
     */
    record DryRun(String token, String fileName, String sha256, int examYear, ImportCheck check) {}

    /** The confirmation's answer: what was imported, or why nothing was. */
    record Outcome(Refusal refusal, int imported, int accountsCreated, DryRun report) {

        static Outcome refused(Refusal refusal) {
            return new Outcome(refusal, 0, 0, null);
        }

        boolean done() {
            return refusal == null;
        }
    }

    enum Refusal {
        /** The token is unknown, of another administrator, expired, or does not match the file. */
        EXPIRED,
        /** Import all was asked for, but some rows have errors. */
        HAS_ERRORS,
        /** No row is valid. */
        NOTHING_VALID,
        /** A row's check came out differently than in the dry run (e.g. a candidate submitted meanwhile). */
        CHANGED,
        /** No exam year is set up, or another one is current now. */
        NO_EXAM_YEAR
    }

    private static final Logger log = LoggerFactory.getLogger(RegistrationImports.class);

    private final SpreadsheetReader reader;
    private final ImportValidation validation;
    private final ImportStaging staging;
    private final JdbcRegistrations registrations;
    private final Accounts accounts;
    private final ExamYears years;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final TransactionTemplate transaction;

    RegistrationImports(
            SpreadsheetReader reader,
            ImportValidation validation,
            ImportStaging staging,
            JdbcRegistrations registrations,
            Accounts accounts,
            ExamYears years,
            ApplicationEventPublisher events,
            MessageSource messages,
            PlatformTransactionManager transactions) {
        this.reader = reader;
        this.validation = validation;
        this.staging = staging;
        this.registrations = registrations;
        this.accounts = accounts;
        this.years = years;
        this.events = events;
        this.messages = messages;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Reads and checks the file; stores only the parsed upload, for the confirmation.
     *
     * @return the report; empty when no exam year is set up
     */
    java.util.Optional<DryRun> dryRun(Account admin, String fileName, byte[] bytes, Locale locale) {
        var year = years.current();
        if (year.isEmpty()) {
            return java.util.Optional.empty();
        }
        String name = fileName == null || fileName.isBlank() ? "upload" : fileName.strip();
        if (name.length() > 200) {
            name = name.substring(0, 200);
        }
        String sha256 = sha256(bytes);
        UploadedTable table;
        try {
            table = reader.read(name, bytes);
        } catch (UnreadableUploadException unreadable) {
            var problem = messages.getMessage(unreadable.messageKey(), unreadable.arguments(), locale);
            return java.util.Optional.of(
                    new DryRun(null, name, sha256, year.get().year(), ImportCheck.unreadable(problem)));
        }
        var check = validation.check(table, year.get().year(), locale);
        String token = null;
        if (check.fileProblems().isEmpty() && check.validCount() > 0) {
            var valid = check.rows().stream()
                    .filter(ImportCheck.CheckedRow::valid)
                    .map(ImportCheck.CheckedRow::number)
                    .collect(Collectors.toSet());
            token = staging.stage(admin.id(), name, sha256, year.get().year(), table, valid);
        }
        log.info(
                "Registration import dry run by {}: {} rows, {} valid, file {}",
                admin.id(),
                check.rows().size(),
                check.validCount(),
                sha256);
        return java.util.Optional.of(new DryRun(token, name, sha256, year.get().year(), check));
    }

    /** Imports the staged upload of the token, checked again, all in one transaction or not at all. */
    Outcome confirm(Account admin, String token, String sha256, Mode mode, Locale locale) {
        var staged = token == null ? java.util.Optional.<ImportStaging.Staged>empty() : staging.load(token, admin.id());
        if (staged.isEmpty() || !staged.get().sha256().equals(sha256)) {
            return Outcome.refused(Refusal.EXPIRED);
        }
        var upload = staged.get();
        var year = years.current();
        if (year.isEmpty() || year.get().year() != upload.examYear()) {
            return Outcome.refused(Refusal.NO_EXAM_YEAR);
        }
        var check = validation.check(upload.table(), upload.examYear(), locale);
        var report = new DryRun(token, upload.fileName(), upload.sha256(), upload.examYear(), check);
        var validNow = check.rows().stream()
                .filter(ImportCheck.CheckedRow::valid)
                .map(ImportCheck.CheckedRow::number)
                .collect(Collectors.toSet());
        if (!validNow.equals(upload.validRows()) || !check.fileProblems().isEmpty()) {
            return new Outcome(Refusal.CHANGED, 0, 0, report);
        }
        if (mode == Mode.ALL && check.hasErrors()) {
            return new Outcome(Refusal.HAS_ERRORS, 0, 0, report);
        }
        if (validNow.isEmpty()) {
            return new Outcome(Refusal.NOTHING_VALID, 0, 0, report);
        }
        int[] created = {0};
        transaction.executeWithoutResult(status -> {
            for (var row : check.rows()) {
                if (!row.valid()) {
                    continue;
                }
                if (!row.existingAccount()) {
                    created[0]++;
                }
                var account = accounts.importCandidate(row.idType(), row.idNumber(), row.name(), row.phone());
                var previous = registrations.of(account.id(), upload.examYear());
                var registration = withCandidate(row.registration(), account.id());
                registrations.save(registration);
                events.publishEvent(new RegistrationSaved(
                        account.id(),
                        registration.examYear(),
                        registration.examPointCode(),
                        previous.map(Registration::examPointCode).orElse(null),
                        true,
                        registration.updatedAt()));
            }
            staging.remove(token);
        });
        log.info(
                "Registration import by {}: {} rows imported, {} accounts created, file {}",
                admin.id(),
                validNow.size(),
                created[0],
                sha256);
        return new Outcome(null, validNow.size(), created[0], null);
    }

    private static Registration withCandidate(Registration registration, long candidateId) {
        return new Registration(
                candidateId,
                registration.examYear(),
                registration.name(),
                registration.gender(),
                registration.birthDate(),
                registration.idType(),
                registration.idNumber(),
                registration.phone(),
                registration.email(),
                registration.school(),
                registration.major(),
                registration.examPointCode(),
                registration.facts(),
                registration.updatedAt());
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every Java runtime has SHA-256", impossible);
        }
    }
}
