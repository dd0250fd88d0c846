package cn.qualify.registration;

import cn.qualify.application.Application;
import cn.qualify.application.ApplicationState;
import cn.qualify.application.Applications;
import cn.qualify.identity.Accounts;
import cn.qualify.identity.IdDocument;
import cn.qualify.identity.IdType;
import cn.qualify.identity.InvalidIdNumberException;
import cn.qualify.identity.ResidentIdCard;
import cn.qualify.identity.Role;
import cn.qualify.policy.CandidateFacts;
import cn.qualify.policy.Category;
import cn.qualify.policy.Education;
import cn.qualify.policy.ExamLevel;
import cn.qualify.policy.InstitutionType;
import cn.qualify.policy.Post;
import cn.qualify.policy.PostgraduateStatus;
import cn.qualify.policy.ShortageExam;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;

/**
 * Checks every row of an import as the candidate's own form is checked ({@link RegistrationRules}), and more: the
 * identity document is valid for its type, nobody appears twice, an existing account has the same document type and
 * name and is a candidate's, and the candidate's application is still a draft. Cells give enum values by code or by
 * their Chinese label, yes/no as 是/否 (or true/false, 1/0), dates as {@code yyyy-MM-dd} (also {@code yyyy/M/d}).
 * Nothing is stored.
 */
@Component
class ImportValidation {

    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("uuuu-M-d").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuu/M/d").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuu.M.d").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT));
    private static final Map<String, Boolean> BOOLEANS = booleans();

    private final RegistrationRules rules;
    private final Accounts accounts;
    private final Applications applications;
    private final MessageSource messages;
    private final Clock clock;

    ImportValidation(
            RegistrationRules rules,
            Accounts accounts,
            Applications applications,
            MessageSource messages,
            Clock clock) {
        this.rules = rules;
        this.accounts = accounts;
        this.applications = applications;
        this.messages = messages;
        this.clock = clock;
    }

    ImportCheck check(UploadedTable table, int examYear, Locale locale) {
        var columns = new ArrayList<ImportColumns.Column>();
        var fileProblems = header(table.header(), columns, locale);
        if (!fileProblems.isEmpty()) {
            return new ImportCheck(fileProblems, List.of(), List.of());
        }
        if (table.rows().isEmpty()) {
            return ImportCheck.unreadable(messages.getMessage("registration.import.file.noRows", null, locale));
        }
        var rows = new ArrayList<ImportCheck.CheckedRow>();
        var errors = new ArrayList<ImportCheck.RowError>();
        var firstRowOf = new HashMap<String, Integer>();
        for (var row : table.rows()) {
            var cells = new HashMap<String, String>();
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i) != null) {
                    cells.put(columns.get(i).field(), row.cell(i));
                }
            }
            var rowErrors = new ArrayList<ImportCheck.RowError>();
            rows.add(checkRow(row.number(), cells, examYear, firstRowOf, rowErrors, locale));
            errors.addAll(rowErrors);
        }
        return new ImportCheck(List.of(), rows, errors);
    }

    /** Finds each header cell's column (null for a blank cell) and says what is wrong with the header. */
    private List<String> header(List<String> header, List<ImportColumns.Column> columns, Locale locale) {
        var byLabel = new HashMap<String, ImportColumns.Column>();
        for (var column : ImportColumns.ALL.values()) {
            byLabel.put(column.label(messages, Locale.SIMPLIFIED_CHINESE), column);
        }
        var problems = new ArrayList<String>();
        var seen = new HashMap<String, Integer>();
        for (int i = 0; i < header.size(); i++) {
            String cell = header.get(i);
            if (cell.isBlank()) {
                columns.add(null);
                continue;
            }
            var column = ImportColumns.byHeader(cell, byLabel);
            if (column.isEmpty()) {
                problems.add(messages.getMessage(
                        "registration.import.header.unknown", new Object[] {cell, columnName(i)}, locale));
                columns.add(null);
            } else if (seen.containsKey(column.get().field())) {
                problems.add(messages.getMessage(
                        "registration.import.header.duplicate", new Object[] {cell, columnName(i)}, locale));
                columns.add(null);
            } else {
                seen.put(column.get().field(), i);
                columns.add(column.get());
            }
        }
        var missing = ImportColumns.required().stream()
                .filter(column -> !seen.containsKey(column.field()))
                .map(column -> column.label(messages, locale) + "（" + column.field() + "）")
                .collect(Collectors.joining("、"));
        if (!missing.isEmpty()) {
            problems.add(messages.getMessage("registration.import.header.missing", new Object[] {missing}, locale));
        }
        return problems;
    }

    /** Spreadsheet column names: A, B, … Z, AA, AB … */
    static String columnName(int index) {
        var name = new StringBuilder();
        for (int i = index + 1; i > 0; i = (i - 1) / 26) {
            name.insert(0, (char) ('A' + (i - 1) % 26));
        }
        return name.toString();
    }

    private ImportCheck.CheckedRow checkRow(
            int number,
            Map<String, String> cells,
            int examYear,
            Map<String, Integer> firstRowOf,
            List<ImportCheck.RowError> errors,
            Locale locale) {
        var problems = new Problems();
        var cellsOf = new Cells(cells, problems);

        IdType idType =
                cellsOf.choice("idType", IdType.class, "identity.idType.").orElse(IdType.RESIDENT_ID_CARD);
        String idNumber = null;
        if (!problems.has("idType")) {
            try {
                var document = IdDocument.of(idType, cells.getOrDefault("idNumber", ""));
                idNumber = document.number();
                if (document instanceof ResidentIdCard card && card.birthDate().isAfter(LocalDate.now(clock))) {
                    problems.add("idNumber", "identity.idNumber.birthDate");
                }
            } catch (InvalidIdNumberException e) {
                problems.add("idNumber", e.messageKey());
            }
        }
        String name = RegistrationRules.normaliseName(cells.get("name"));
        RegistrationRules.nameProblem(name).ifPresent(key -> problems.add("name", key));

        boolean existingAccount = false;
        if (idNumber != null && !problems.has("idNumber")) {
            Integer first = firstRowOf.putIfAbsent(idNumber, number);
            if (first != null) {
                problems.add("idNumber", "registration.import.duplicate", first);
            }
            var account = accounts.byLoginName(idNumber);
            if (account.isPresent()) {
                existingAccount = true;
                var existing = account.get();
                if (existing.role() != Role.CANDIDATE) {
                    problems.add("idNumber", "registration.import.staffAccount");
                } else {
                    if (existing.idType() != idType) {
                        problems.add(
                                "idType",
                                "registration.import.otherIdType",
                                label("identity.idType." + existing.idType(), locale));
                    }
                    if (!problems.has("name") && !existing.displayName().equals(name)) {
                        problems.add("name", "registration.import.otherName", existing.displayName());
                    }
                    applications
                            .ofCandidate(String.valueOf(existing.id()), examYear)
                            .map(Application::state)
                            .filter(state -> state != ApplicationState.DRAFT)
                            .ifPresent(state -> problems.add(
                                    "idNumber",
                                    "registration.import.submitted",
                                    label("application.state." + state, locale)));
                }
            }
        }

        var units = new ArrayList<CandidateFacts.WorkUnit>();
        var unitColumns = new ArrayList<Integer>();
        for (int i = 0; i < RegistrationRules.MAX_WORK_UNITS; i++) {
            String prefix = "workUnits[" + i + "].";
            boolean present = ImportColumns.WORK_UNIT_PARTS.stream()
                    .anyMatch(part -> !cells.getOrDefault(prefix + part, "").isBlank());
            if (present) {
                unitColumns.add(i);
                units.add(new CandidateFacts.WorkUnit(
                        cellsOf.text(prefix + "name"),
                        cellsOf.choice(prefix + "type", InstitutionType.class, "policy.enum.InstitutionType.")
                                .orElse(null),
                        cellsOf.date(prefix + "from"),
                        cellsOf.date(prefix + "to")));
            }
        }
        String institutionName = cellsOf.text("institution.name");
        var institutionType = cellsOf.choice("institution.type", InstitutionType.class, "policy.enum.InstitutionType.")
                .orElse(null);
        var institution = institutionName == null && institutionType == null
                ? null
                : new CandidateFacts.Institution(
                        institutionName, institutionType, cellsOf.flag("institution.licenseChanged"));
        var facts = new CandidateFacts(
                examYear,
                cellsOf.choice("examLevel", ExamLevel.class, "policy.enum.ExamLevel.")
                        .orElse(null),
                cellsOf.choice("category", Category.class, "policy.enum.Category.")
                        .orElse(null),
                cellsOf.choice("education", Education.class, "policy.enum.Education.")
                        .orElse(null),
                cellsOf.choice("postgraduateStatus", PostgraduateStatus.class, "policy.enum.PostgraduateStatus.")
                        .orElse(null),
                cellsOf.text("schoolProvinceCode"),
                cellsOf.date("graduationDate"),
                cellsOf.flag("topUpBachelor"),
                cellsOf.date("bachelorAdmissionDate"),
                cellsOf.flag("foreignDegree"),
                cellsOf.flag("diplomaLost"),
                cellsOf.flag("activeMilitary"),
                cellsOf.flag("assistantQualified"),
                cellsOf.date("assistantRegistrationDate"),
                cellsOf.choice("assistantPracticeScope", Post.class, "policy.enum.Post.")
                        .orElse(null),
                cellsOf.flag("crossProvinceTransfer"),
                cellsOf.flag("originalCertificateUnavailable"),
                cellsOf.choice("shortageExam", ShortageExam.class, "policy.enum.ShortageExam.")
                        .orElse(null),
                cellsOf.choice("probationPost", Post.class, "policy.enum.Post.").orElse(null),
                institution,
                units);
        String gender = cellsOf.gender();
        var details = new RegistrationDetails(
                gender,
                cellsOf.date("birthDate"),
                cells.get("phone"),
                cells.get("email"),
                cells.get("school"),
                cells.get("major"),
                cells.get("examPointCode"),
                facts);
        // checked even when the document is not, so that the report names every problem of the row at once
        var person = new Person(idType, idNumber == null ? cells.getOrDefault("idNumber", "") : idNumber, name);
        var registration = rules.check(0, examYear, person, details, problems).orElse(null);
        for (var entry : firstProblemPerField(problems).entrySet()) {
            String field = columnField(entry.getKey(), unitColumns);
            var column = ImportColumns.ALL.get(field);
            String columnLabel = column == null ? field : column.label(messages, locale) + "（" + field + "）";
            errors.add(new ImportCheck.RowError(
                    number,
                    field,
                    columnLabel,
                    messages.getMessage(entry.getValue().message(), locale)));
        }
        return new ImportCheck.CheckedRow(
                number,
                idType,
                idNumber,
                name,
                RegistrationRules.normalisePhone(cells.get("phone")),
                problems.isEmpty() ? registration : null,
                existingAccount);
    }

    /** A cell that failed to read also fails the rules (e.g. as missing): only the first problem is reported. */
    private static Map<String, Problems.Problem> firstProblemPerField(Problems problems) {
        var first = new LinkedHashMap<String, Problems.Problem>();
        for (var problem : problems.all()) {
            first.putIfAbsent(problem.field() == null ? "" : problem.field(), problem);
        }
        return first;
    }

    /** The column of a problem: facts without {@code facts.}, work units numbered as in the file. */
    private static String columnField(String field, List<Integer> unitColumns) {
        String column = field.startsWith("facts.") ? field.substring("facts.".length()) : field;
        var matcher = java.util.regex.Pattern.compile("^workUnits\\[(\\d+)]").matcher(column);
        if (matcher.find()) {
            int index = Integer.parseInt(matcher.group(1));
            if (index < unitColumns.size()) {
                return matcher.replaceFirst("workUnits[" + unitColumns.get(index) + "]");
            }
        }
        return column;
    }

    private String label(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private static Map<String, Boolean> booleans() {
        var values = new HashMap<String, Boolean>();
        for (String yes : List.of("是", "有", "true", "yes", "y", "1", "√", "✓")) {
            values.put(yes, true);
        }
        for (String no : List.of("否", "无", "false", "no", "n", "0")) {
            values.put(no, false);
        }
        return values;
    }

    /** The cells of one row, read as the columns' types; what cannot be read becomes a problem of its column. */
    private final class Cells {

        private final Map<String, String> cells;
        private final Problems problems;

        Cells(Map<String, String> cells, Problems problems) {
            this.cells = cells;
            this.problems = problems;
        }

        private String raw(String field) {
            return cells.getOrDefault(field, "").strip();
        }

        private String problemField(String field) {
            return ImportColumns.PERSONAL.contains(field) ? field : "facts." + field;
        }

        String text(String field) {
            String value = raw(field);
            if (value.length() > RegistrationRules.MAX_TEXT) {
                problems.add(problemField(field), "registration.text.tooLong", RegistrationRules.MAX_TEXT);
            }
            return value.isEmpty() ? null : value;
        }

        boolean flag(String field) {
            String value = raw(field);
            if (value.isEmpty()) {
                return false;
            }
            var flag = BOOLEANS.get(value.toLowerCase(Locale.ROOT));
            if (flag == null) {
                problems.add(problemField(field), "registration.import.boolean", value);
                return false;
            }
            return flag;
        }

        LocalDate date(String field) {
            String value = raw(field);
            if (value.isEmpty()) {
                return null;
            }
            for (var format : DATES) {
                try {
                    return LocalDate.parse(value, format);
                } catch (DateTimeParseException tryNext) {
                    // the next format may fit
                }
            }
            problems.add(problemField(field), "registration.import.date", value);
            return null;
        }

        /** An enum value by its code (any case) or its label in Chinese or English, with or without a remark in brackets. */
        <E extends Enum<E>> Optional<E> choice(String field, Class<E> type, String labelPrefix) {
            String value = raw(field);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            var accepted = new TreeMap<String, E>(String.CASE_INSENSITIVE_ORDER);
            for (E constant : type.getEnumConstants()) {
                accepted.put(constant.name(), constant);
                for (var locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
                    try {
                        String label = messages.getMessage(labelPrefix + constant.name(), null, locale);
                        accepted.putIfAbsent(label, constant);
                        accepted.putIfAbsent(label.replaceAll("\\s*[（(].*[)）]\\s*$", ""), constant);
                    } catch (NoSuchMessageException noLabel) {
                        // the code is accepted anyway
                    }
                }
            }
            var constant = accepted.get(value);
            if (constant == null) {
                String choices = java.util.Arrays.stream(type.getEnumConstants())
                        .map(Enum::name)
                        .collect(Collectors.joining("、"));
                problems.add(problemField(field), "registration.import.choice", value, choices);
            }
            return Optional.ofNullable(constant);
        }

        /** 男/女 or MALE/FEMALE; left to the rules when blank. */
        String gender() {
            String value = raw("gender");
            return switch (value.toUpperCase(Locale.ROOT)) {
                case "男", "M", "MALE" -> "MALE";
                case "女", "F", "FEMALE" -> "FEMALE";
                default -> value;
            };
        }
    }
}
