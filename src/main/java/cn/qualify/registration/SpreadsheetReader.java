package cn.qualify.registration;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.springframework.stereotype.Component;

/**
 * Reads an uploaded .csv or .xlsx file into an {@link UploadedTable}.
 *
 * <p>CSV follows RFC 4180 (quoted cells may hold commas, quotes and line breaks) and is read as UTF-8, with or without
 * a byte order mark; a file that is not valid UTF-8 is read as GB18030, which Excel on Chinese Windows writes. Only
 * the first sheet of an .xlsx file is read; date cells become {@code yyyy-MM-dd}. Blank rows are skipped. Limits keep
 * a hostile file from taking the server down: at most {@value #MAX_ROWS} rows and {@value #MAX_COLUMNS} columns,
 * cells cut after {@value #MAX_CELL} characters (longer cells are refused by the checks anyway), and an .xlsx may
 * unpack to at most {@value #MAX_UNPACKED_BYTES} bytes.
 */
@Component
class SpreadsheetReader {

    static final int MAX_ROWS = 5000;
    static final int MAX_COLUMNS = 100;
    static final int MAX_CELL = 300;
    static final long MAX_UNPACKED_BYTES = 50L * 1024 * 1024;

    private static final Charset GB18030 = Charset.forName("GB18030");

    UploadedTable read(String fileName, byte[] bytes) throws UnreadableUploadException {
        if (bytes.length == 0) {
            throw new UnreadableUploadException("registration.import.file.empty");
        }
        // the workbook reader's header checks need 8 bytes; a shorter file is no workbook anyway
        boolean headed = bytes.length >= 8;
        if (headed && ReadableWorkbook.isOLE2Header(bytes)) {
            throw new UnreadableUploadException("registration.import.file.xls");
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if ((headed && ReadableWorkbook.isOOXMLZipHeader(bytes)) || name.endsWith(".xlsx")) {
            return xlsx(bytes);
        }
        return csv(decode(bytes));
    }

    static String decode(byte[] bytes) {
        int start =
                bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF
                        ? 3
                        : 0;
        var buffer = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(buffer)
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, GB18030);
        }
    }

    static UploadedTable csv(String text) throws UnreadableUploadException {
        var records = new ArrayList<List<String>>();
        var record = new ArrayList<String>();
        var cell = new StringBuilder();
        boolean quoted = false;
        boolean cellStarted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && !cellStarted) {
                quoted = true;
                cellStarted = true;
            } else if (c == ',') {
                record.add(cell.toString());
                cell.setLength(0);
                cellStarted = false;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(cell.toString());
                cell.setLength(0);
                cellStarted = false;
                records.add(record);
                record = new ArrayList<>();
                requireWithinLimits(records.size(), 0);
            } else {
                cell.append(c);
                cellStarted = true;
            }
        }
        if (quoted) {
            throw new UnreadableUploadException("registration.import.file.openQuote");
        }
        if (cellStarted || !record.isEmpty()) {
            record.add(cell.toString());
            records.add(record);
        }
        return table(records);
    }

    private static UploadedTable xlsx(byte[] bytes) throws UnreadableUploadException {
        requireSmallWhenUnpacked(bytes);
        var records = new ArrayList<List<String>>();
        try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes), new ReadingOptions(true, false));
                var rows = workbook.getFirstSheet().openStream()) {
            var iterator = rows.iterator();
            while (iterator.hasNext()) {
                var row = iterator.next();
                while (records.size() < row.getRowNum() - 1) {
                    records.add(List.of());
                }
                requireWithinLimits(records.size(), row.getCellCount());
                var cells = new ArrayList<String>();
                for (int column = 0; column < row.getCellCount(); column++) {
                    cells.add(text(row.getCell(column)));
                }
                records.add(cells);
            }
        } catch (UnreadableUploadException tooBig) {
            throw tooBig;
        } catch (IOException | RuntimeException unreadable) {
            throw new UnreadableUploadException("registration.import.file.unreadable");
        }
        return table(records);
    }

    /**
     * A zip bomb is refused before the workbook reader unpacks it: the bytes are counted as they unpack, whatever
     * the archive claims. Stored entries with data descriptors, as streaming writers make them, are read too.
     */
    private static void requireSmallWhenUnpacked(byte[] bytes) throws UnreadableUploadException {
        long total = 0;
        var chunk = new byte[8192];
        try (var zip = new ZipArchiveInputStream(new ByteArrayInputStream(bytes), "UTF-8", true, true)) {
            while (zip.getNextEntry() != null) {
                int read;
                while ((read = zip.read(chunk)) > 0) {
                    total += read;
                    if (total > MAX_UNPACKED_BYTES) {
                        throw new UnreadableUploadException("registration.import.file.tooLarge");
                    }
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            throw new UnreadableUploadException("registration.import.file.unreadable");
        }
    }

    private static String text(Cell cell) {
        if (cell == null || cell.getType() == CellType.EMPTY || cell.getType() == CellType.ERROR) {
            return "";
        }
        if (cell.getType() == CellType.NUMBER) {
            if (isDateFormat(cell.getDataFormatString())) {
                return cell.asDate().toLocalDate().toString();
            }
            var number = cell.asNumber();
            // a long number shown in scientific notation (as Excel does for ID numbers typed as numbers) stays as
            // it is, so that the check reports a malformed number instead of a silently rounded one
            return number.precision() - number.scale() > 15 ? cell.getRawValue() : plain(number);
        }
        if (cell.getType() == CellType.BOOLEAN) {
            return Boolean.TRUE.equals(cell.asBoolean()) ? "是" : "否";
        }
        String raw = cell.getText();
        return raw == null ? "" : raw;
    }

    private static String plain(BigDecimal number) {
        var stripped = number.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0).toPlainString() : stripped.toPlainString();
    }

    /** Whether an Excel number format shows a date: it has year, month or day codes outside quotes and brackets. */
    static boolean isDateFormat(String format) {
        if (format == null) {
            return false;
        }
        String bare =
                format.replaceAll("\"[^\"]*\"", "").replaceAll("\\[[^]]*]", "").toLowerCase(Locale.ROOT);
        return bare.contains("y")
                || bare.contains("d")
                || (bare.contains("m") && !bare.contains("h") && !bare.contains("s"));
    }

    private static void requireWithinLimits(int rowsSoFar, int columns) throws UnreadableUploadException {
        if (rowsSoFar > MAX_ROWS + 1) {
            throw new UnreadableUploadException("registration.import.file.tooManyRows", MAX_ROWS);
        }
        if (columns > MAX_COLUMNS) {
            throw new UnreadableUploadException("registration.import.file.tooManyColumns", MAX_COLUMNS);
        }
    }

    private static UploadedTable table(List<List<String>> records) throws UnreadableUploadException {
        int headerIndex = -1;
        for (int i = 0; i < records.size(); i++) {
            if (!blank(records.get(i))) {
                headerIndex = i;
                break;
            }
        }
        if (headerIndex < 0) {
            throw new UnreadableUploadException("registration.import.file.empty");
        }
        var header = clean(records.get(headerIndex));
        requireWithinLimits(0, header.size());
        var rows = new ArrayList<UploadedTable.Row>();
        for (int i = headerIndex + 1; i < records.size(); i++) {
            var cells = clean(records.get(i));
            if (blank(cells)) {
                continue;
            }
            requireWithinLimits(rows.size() + 1, cells.size());
            rows.add(new UploadedTable.Row(i + 1, cells));
        }
        if (rows.size() > MAX_ROWS) {
            throw new UnreadableUploadException("registration.import.file.tooManyRows", MAX_ROWS);
        }
        return new UploadedTable(header, rows);
    }

    /** Control characters are dropped (no cell needs them) and cells are cut to the longest any column accepts + 1. */
    private static List<String> clean(List<String> cells) {
        var clean = new ArrayList<String>(cells.size());
        for (String cell : cells) {
            String text = cell.replaceAll("[\\p{Cntrl}&&[^\\t]]", "")
                    .replace('\t', ' ')
                    .strip();
            clean.add(text.length() > MAX_CELL ? text.substring(0, MAX_CELL + 1) : text);
        }
        return clean;
    }

    private static boolean blank(List<String> cells) {
        return cells.stream().allMatch(cell -> cell == null || cell.isBlank());
    }
}
