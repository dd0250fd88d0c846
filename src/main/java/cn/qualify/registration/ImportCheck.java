package cn.qualify.registration;

import cn.qualify.identity.IdType;
import java.util.List;

/**
 * The dry run of an import: what is wrong with the file as a whole, and each row checked.
 *
 * @param fileProblems problems of the file itself (unreadable, unknown or missing columns), in the reader's language;
 *     when there are any, no row was checked
 * @param rows every row, valid or not, in file order
 * @param errors what is wrong with the rows, row by row and column by column
 */
record ImportCheck(List<String> fileProblems, List<CheckedRow> rows, List<RowError> errors) {

    /**
     * One checked row.
     *
     * @param registration what would be stored, still without the candidate's account id; null if the row is invalid
     * @param existingAccount whether the document number already has an account
     */
    record CheckedRow(
            int number,
            IdType idType,
            String idNumber,
            String name,
            String phone,
            Registration registration,
            boolean existingAccount) {

        boolean valid() {
            return registration != null;
        }
    }

    /**
     * What is wrong in one cell.
     *
     * @param row the row number as a spreadsheet shows it
     * @param field the column's field, e.g. {@code phone} or {@code institution.type}; empty for the whole row
     * @param column the column as the header names it for the reader
     * @param message in the reader's language
     */
    public record RowError(int row, String field, String column, String message) {}

    static ImportCheck unreadable(String problem) {
        return new ImportCheck(List.of(problem), List.of(), List.of());
    }

    long validCount() {
        return rows.stream().filter(CheckedRow::valid).count();
    }

    long invalidCount() {
        return rows.size() - validCount();
    }

    boolean hasErrors() {
        return !fileProblems.isEmpty() || invalidCount() > 0;
    }
}
