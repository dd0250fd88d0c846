package cn.qualify.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.junit.jupiter.api.Test;

class SpreadsheetReaderTests {

    final SpreadsheetReader reader = new SpreadsheetReader();

    @Test
    void csvFollowsRfc4180() throws Exception {
        var table = reader.read(
                "a.csv",
                "a,b,c\r\n\"x, y\",\"he said \"\"hi\"\"\",\"two\nlines\"\n\n1,2\n".getBytes(StandardCharsets.UTF_8));

        assertThat(table.header()).containsExactly("a", "b", "c");
        assertThat(table.rows()).hasSize(2);
        assertThat(table.rows().get(0).cells())
                .containsExactly("x, y", "he said \"hi\"", "two\nlines".replace("\n", ""));
        assertThat(table.rows().get(0).number()).isEqualTo(2);
        assertThat(table.rows().get(1).number()).isEqualTo(4);
        assertThat(table.rows().get(1).cell(2)).isEmpty();
    }

    @Test
    void csvIsUtf8WithOrWithoutByteOrderMarkOrElseGb18030() throws Exception {
        String text = "姓名,学历\n欧阳娜娜,本科\n";
        var bom = new ByteArrayOutputStream();
        bom.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bom.write(text.getBytes(StandardCharsets.UTF_8));
        for (byte[] bytes : List.of(
                text.getBytes(StandardCharsets.UTF_8), bom.toByteArray(), text.getBytes(Charset.forName("GB18030")))) {
            var table = reader.read("a.csv", bytes);
            assertThat(table.header()).containsExactly("姓名", "学历");
            assertThat(table.rows().get(0).cells()).containsExactly("欧阳娜娜", "本科");
        }
    }

    @Test
    void xlsxDatesBecomeIsoAndNumbersStayPlain() throws Exception {
        var bytes = new ByteArrayOutputStream();
        var workbook = new Workbook(bytes, "tests", "1.0");
        var sheet = workbook.newWorksheet("s");
        sheet.value(0, 0, "date");
        sheet.value(0, 1, "point");
        sheet.value(0, 2, "id");
        sheet.value(1, 0, LocalDate.of(2023, 6, 30));
        sheet.style(1, 0).format("yyyy-mm-dd").set();
        sheet.value(1, 1, 2101);
        sheet.value(1, 2, 210102199503120011L);
        sheet.value(2, 2, 2.1010219950312E17);
        sheet.value(3, 0, "after a blank row");
        workbook.finish();

        var table = reader.read("a.xlsx", bytes.toByteArray());

        assertThat(table.header()).containsExactly("date", "point", "id");
        assertThat(table.rows().get(0).cells().subList(0, 2)).containsExactly("2023-06-30", "2101");
        assertThat(table.rows().get(0).cell(2)).isEqualTo("210102199503120011");
        // what Excel keeps of an ID number typed as a number is not silently rounded into a plausible one
        assertThat(table.rows().get(1).cell(2)).containsIgnoringCase("E");
        assertThat(table.rows().get(2).number()).isEqualTo(4);
    }

    @Test
    void brokenAndHostileFilesAreRefused() throws IOException {
        assertThatThrownBy(() -> reader.read("a.csv", new byte[0])).hasMessage("registration.import.file.empty");
        assertThatThrownBy(() -> reader.read("a.csv", "a,\"b\n1,2".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("registration.import.file.openQuote");
        assertThatThrownBy(() -> reader.read("a.xlsx", new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0, 0}))
                .hasMessage("registration.import.file.unreadable");
        var rows = new StringBuilder("a\n");
        rows.append("1\n".repeat(SpreadsheetReader.MAX_ROWS + 1));
        assertThatThrownBy(() -> reader.read("a.csv", rows.toString().getBytes(StandardCharsets.UTF_8)))
                .hasMessage("registration.import.file.tooManyRows");

        var bomb = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bomb)) {
            zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
            var zeros = new byte[1 << 20];
            for (int i = 0; i < 60; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertThatThrownBy(() -> reader.read("bomb.xlsx", bomb.toByteArray()))
                .hasMessage("registration.import.file.tooLarge");
    }

    @Test
    void longCellsAreCutJustPastWhatAnyColumnAccepts() throws Exception {
        var table = reader.read("a.csv", ("a\n" + "x".repeat(5000) + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(table.rows().get(0).cell(0)).hasSize(SpreadsheetReader.MAX_CELL + 1);
    }
}
