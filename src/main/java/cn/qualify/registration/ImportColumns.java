package cn.qualify.registration;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;

/**
 * The columns of a registration import. Each is named by its field as in the contract and the JSON API
 * ({@code phone}, {@code examLevel}, {@code institution.type}, {@code workUnits[0].from}) and labelled in Chinese; a
 * header cell may give the field, the label, or both as {@code 标签(field)}.
 */
final class ImportColumns {

    /**
     * One column.
     *
     * @param field the field name; facts without the {@code facts.} prefix of the API
     * @param labelKey message key of the label, with {@code labelArgs}
     * @param required whether the header must have this column
     */
    record Column(String field, String labelKey, Object[] labelArgs, boolean required) {

        String label(MessageSource messages, Locale locale) {
            return messages.getMessage(labelKey, labelArgs, locale);
        }

        /** The path of the field in {@link Problems}: facts under {@code facts.}. */
        String problemField() {
            return PERSONAL.contains(field) ? field : "facts." + field;
        }
    }

    static final List<String> PERSONAL = List.of(
            "idType", "idNumber", "name", "gender", "birthDate", "phone", "email", "school", "major", "examPointCode");

    static final List<String> FACTS = List.of(
            "examLevel",
            "category",
            "education",
            "postgraduateStatus",
            "schoolProvinceCode",
            "graduationDate",
            "topUpBachelor",
            "bachelorAdmissionDate",
            "foreignDegree",
            "diplomaLost",
            "activeMilitary",
            "assistantQualified",
            "assistantRegistrationDate",
            "assistantPracticeScope",
            "crossProvinceTransfer",
            "originalCertificateUnavailable",
            "shortageExam",
            "probationPost",
            "institution.name",
            "institution.type",
            "institution.licenseChanged");

    static final List<String> WORK_UNIT_PARTS = List.of("name", "type", "from", "to");

    private static final List<String> REQUIRED = List.of(
            "idNumber", "name", "phone", "school", "major", "examPointCode", "examLevel", "category", "education");

    /** How many work units the template offers; files may have up to {@link RegistrationRules#MAX_WORK_UNITS}. */
    static final int TEMPLATE_WORK_UNITS = 3;

    private static final Pattern WORK_UNIT = Pattern.compile("workUnits\\[(\\d+)]\\.(name|type|from|to)");
    private static final Pattern LABELLED = Pattern.compile(".*[(（]\\s*([A-Za-z][A-Za-z0-9.\\[\\]]*)\\s*[)）]\\s*");

    static final Map<String, Column> ALL = columns(RegistrationRules.MAX_WORK_UNITS);

    private ImportColumns() {}

    /** The columns of the downloadable template, in its order. */
    static List<Column> template() {
        return List.copyOf(columns(TEMPLATE_WORK_UNITS).values());
    }

    static List<Column> required() {
        return REQUIRED.stream().map(ALL::get).toList();
    }

    /** The column a header cell names, by field name (any case) or by its Chinese label. */
    static Optional<Column> byHeader(String header, Map<String, Column> byChineseLabel) {
        String cell = header == null ? "" : header.replace("\uFEFF", "").strip();
        var labelled = LABELLED.matcher(cell);
        if (labelled.matches()) {
            cell = labelled.group(1);
        }
        for (var column : ALL.values()) {
            if (column.field().equalsIgnoreCase(cell)) {
                return Optional.of(column);
            }
        }
        return Optional.ofNullable(byChineseLabel.get(cell));
    }

    /** The index of a work-unit column, e.g. 1 for {@code workUnits[1].from}; empty for other columns. */
    static Optional<Integer> workUnitIndex(String field) {
        var matcher = WORK_UNIT.matcher(field);
        return matcher.matches() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
    }

    private static Map<String, Column> columns(int workUnits) {
        var columns = new LinkedHashMap<String, Column>();
        for (String field : PERSONAL) {
            columns.put(
                    field, new Column(field, "registration.column." + field, new Object[0], REQUIRED.contains(field)));
        }
        for (String field : FACTS) {
            columns.put(
                    field, new Column(field, "registration.column." + field, new Object[0], REQUIRED.contains(field)));
        }
        for (int i = 0; i < workUnits; i++) {
            for (String part : WORK_UNIT_PARTS) {
                String field = "workUnits[" + i + "]." + part;
                columns.put(
                        field, new Column(field, "registration.column.workUnit." + part, new Object[] {i + 1}, false));
            }
        }
        return Collections.unmodifiableMap(columns);
    }

    static List<String> fields(List<Column> columns) {
        var fields = new ArrayList<String>();
        columns.forEach(column -> fields.add(column.field()));
        return fields;
    }
}
