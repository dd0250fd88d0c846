package cn.qualify.registration;

import java.util.List;

/**
 * A spreadsheet as uploaded: the header cells and the rows below it that are not blank, each cell as text.
 *
 * @param header the cells of the first row
 * @param rows the other rows, in file order
 */
record UploadedTable(List<String> header, List<Row> rows) {

    /**
     * One row.
     *
     * @param number the row number as a spreadsheet shows it: the header is row 1
     * @param cells the cells in the header's order; a short row is padded with empty cells
     */
    record Row(int number, List<String> cells) {

        String cell(int column) {
            return column < cells.size() ? cells.get(column) : "";
        }
    }
}
