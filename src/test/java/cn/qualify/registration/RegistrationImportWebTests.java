package cn.qualify.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.qualify.identity.Accounts;
import cn.qualify.identity.IdNumberMask;
import cn.qualify.identity.IdType;
import cn.qualify.identity.ResidentIdCard;
import cn.qualify.identity.Role;
import cn.qualify.policy.Category;
import cn.qualify.policy.ExamLevel;
import cn.qualify.policy.InstitutionType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.dhatim.fastexcel.Workbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The administrators' bulk import: template, dry run with its row-level report, the two ways to confirm, claiming. */
@RegistrationWebTest
class RegistrationImportWebTests {

    static final String HEADER = "证件类型,证件号码(idNumber),姓名,手机号码(phone),email,毕业学校,major,考点代码,"
            + "examLevel,报考类别(category),education,postgraduateStatus,graduationDate,probationPost,"
            + "institution.name,institution.type,workUnits[0].name,workUnits[0].type,工作单位1起始日期";

    static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");
    static final Pattern SHA = Pattern.compile("name=\"sha256\" value=\"([0-9a-f]{64})\"");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestCandidates candidates;

    @Autowired
    Registrations registrations;

    @Autowired
    Accounts accounts;

    TestCandidates.SignedIn admin;

    @BeforeEach
    void logInAsAdministrator() throws Exception {
        admin = candidates.administrator(mvc);
    }

    /** A bachelor for the physician exam at a general hospital, in Chinese labels where a person would write them. */
    static String bachelorRow(String idNumber, String name, String phone) {
        return "居民身份证," + idNumber + "," + name + "," + phone + ",,中国医科大学,临床医学,2101,"
                + "执业医师,临床,本科,,2023-07-01,GENERAL,沈阳市第四人民医院,其他医疗机构,沈阳市第四人民医院,GENERAL,2023/8/1";
    }

    static byte[] csv(String... lines) {
        return ("\uFEFF" + String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    ResultActions upload(String fileName, byte[] bytes) throws Exception {
        return mvc.perform(multipart("/admin/registrations/import")
                .file(new MockMultipartFile("file", fileName, "application/octet-stream", bytes))
                .with(csrf())
                .cookie(admin.session()));
    }

    String dryRun(String fileName, byte[] bytes) throws Exception {
        return upload(fileName, bytes)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    ResultActions confirm(String html, String mode) throws Exception {
        var token = TOKEN.matcher(html);
        var sha = SHA.matcher(html);
        assertThat(token.find()).as("the report offers to import").isTrue();
        assertThat(sha.find()).isTrue();
        return mvc.perform(post("/admin/registrations/import/confirm")
                .with(csrf())
                .cookie(admin.session())
                .param("token", token.group(1))
                .param("sha256", sha.group(1))
                .param("mode", mode));
    }

    @Test
    void theTemplateHasChineseHeadersWithTheContractsFieldNames() throws Exception {
        var response = mvc.perform(
                        get("/admin/registrations/import/template.csv").cookie(admin.session()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();
        byte[] body = response.getContentAsByteArray();
        assertThat(body).startsWith(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        String header = new String(body, StandardCharsets.UTF_8).strip();
        assertThat(header)
                .contains(
                        "证件号码(idNumber)",
                        "姓名(name)",
                        "考点代码(examPointCode)",
                        "报考级别(examLevel)",
                        "试用或执业机构类型(institution.type)",
                        "工作单位1起始日期(workUnits[0].from)",
                        "工作单位3结束日期(workUnits[2].to)");
        assertThat(response.getHeader("Content-Disposition")).contains("attachment");
    }

    @Test
    void theAdminIndexLinksTheImport() throws Exception {
        mvc.perform(get("/admin").cookie(admin.session()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/admin/registrations/import\"")));
    }

    @Test
    void aValidCsvIsCheckedFirstThenImportedWhole() throws Exception {
        var existing = candidates.residentCandidate(mvc);
        String newcomer = TestCandidates.freshIdNumber();
        String phone = TestCandidates.freshPhone();
        byte[] file = csv(
                HEADER,
                bachelorRow(newcomer, "王小明", phone),
                bachelorRow(existing.account().loginName(), "测试考生", "13900001111")
                        .replace(",2101,", ",2102,"));

        String report = dryRun("registrations.csv", file);

        assertThat(report).contains("共2行：2行无误，0行有错误", RegistrationImports.sha256(file), "新建考生账号", "更新已有考生");
        assertThat(report)
                .as("the report lists ID numbers masked")
                .contains(IdNumberMask.masked(newcomer))
                .doesNotContain(newcomer);
        assertThat(accounts.byLoginName(newcomer)).isEmpty();
        assertThat(registrations.of(existing.account().id(), 2025)).isEmpty();

        confirm(report, "ALL")
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/registrations/import"))
                .andExpect(flash().attribute("flashSuccess", containsString("已导入2条报名信息，新建考生账号1个")));

        var account = accounts.byLoginName(newcomer).orElseThrow();
        assertThat(account.role()).isEqualTo(Role.CANDIDATE);
        assertThat(account.displayName()).isEqualTo("王小明");
        var imported = registrations.of(account.id(), 2025).orElseThrow();
        assertThat(imported.name()).isEqualTo("王小明");
        assertThat(imported.phone()).isEqualTo(phone);
        assertThat(imported.birthDate()).isEqualTo(ResidentIdCard.of(newcomer).birthDate());
        assertThat(imported.facts().examLevel()).isEqualTo(ExamLevel.PHYSICIAN);
        assertThat(imported.facts().category()).isEqualTo(Category.CLINICAL);
        assertThat(imported.facts().institution().type()).isEqualTo(InstitutionType.GENERAL);
        assertThat(imported.facts().workUnits().get(0).from()).isEqualTo(LocalDate.of(2023, 8, 1));
        var updated = registrations.of(existing.account().id(), 2025).orElseThrow();
        assertThat(updated.examPointCode()).isEqualTo("2102");
        assertThat(updated.phone()).isEqualTo("13900001111");

        // the staged upload is used up
        confirm(report, "ALL")
                .andExpect(status().isFound())
                .andExpect(flash().attribute("flashError", containsString("预检结果已失效")));
    }

    @Test
    void anXlsxFileWithDateAndNumberCellsIsImported() throws Exception {
        String idNumber = TestCandidates.freshIdNumber();
        var bytes = new ByteArrayOutputStream();
        var workbook = new Workbook(bytes, "Qualify tests", "1.0");
        var sheet = workbook.newWorksheet("报名信息");
        String[] header = {
            "证件号码(idNumber)",
            "姓名(name)",
            "手机号码(phone)",
            "毕业学校(school)",
            "所学专业(major)",
            "考点代码(examPointCode)",
            "报考级别(examLevel)",
            "报考类别(category)",
            "学历(education)",
            "毕业日期(graduationDate)",
            "试用或执业机构类型(institution.type)",
            "institution.licenseChanged",
            "workUnits[0].type",
            "workUnits[0].from"
        };
        for (int i = 0; i < header.length; i++) {
            sheet.value(0, i, header[i]);
        }
        sheet.value(1, 0, idNumber);
        sheet.value(1, 1, "赵小燕");
        sheet.value(1, 2, "13712345678");
        sheet.value(1, 3, "辽宁中医药大学");
        sheet.value(1, 4, "中医学");
        sheet.value(1, 5, 2102);
        sheet.value(1, 6, "PHYSICIAN");
        sheet.value(1, 7, "TCM");
        sheet.value(1, 8, "BACHELOR");
        sheet.value(1, 9, LocalDate.of(2023, 6, 30));
        sheet.style(1, 9).format("yyyy-mm-dd").set();
        sheet.value(1, 10, "三级甲等医院");
        sheet.value(1, 11, "否");
        sheet.value(1, 12, "TERTIARY_A_HOSPITAL");
        sheet.value(1, 13, LocalDate.of(2023, 8, 1));
        sheet.style(1, 13).format("yyyy/m/d").set();
        workbook.finish();

        String report = dryRun("报名.xlsx", bytes.toByteArray());
        assertThat(report).contains("共1行：1行无误");
        confirm(report, "ALL").andExpect(status().isFound());

        var account = accounts.byLoginName(idNumber).orElseThrow();
        var imported = registrations.of(account.id(), 2025).orElseThrow();
        assertThat(imported.examPointCode()).isEqualTo("2102");
        assertThat(imported.facts().graduationDate()).isEqualTo(LocalDate.of(2023, 6, 30));
        assertThat(imported.facts().category()).isEqualTo(Category.TCM);
        assertThat(imported.facts().institution().type()).isEqualTo(InstitutionType.TERTIARY_A_HOSPITAL);
        assertThat(imported.facts().workUnits().get(0).from()).isEqualTo(LocalDate.of(2023, 8, 1));
    }

    @Test
    void rowErrorsAreReportedByRowAndColumnAndNothingIsSaved() throws Exception {
        String good = TestCandidates.freshIdNumber();
        String bad = TestCandidates.freshIdNumber();
        byte[] file = csv(
                HEADER,
                bachelorRow(good, "周杰", TestCandidates.freshPhone()),
                bachelorRow(bad, "吴敏", "12345").replace("执业医师", "外科医师").replace("2023-07-01", "2023-02-30"),
                bachelorRow(good, "周杰", TestCandidates.freshPhone()),
                bachelorRow(TestCandidates.freshIdNumber(), "郑凯", TestCandidates.freshPhone())
                        .replace(",,2023-07-01", ",GRADUATING,2023-07-01"),
                bachelorRow("210102199001010010", "钱多", TestCandidates.freshPhone()));

        String report = dryRun("errors.csv", file);

        assertThat(report).contains("共5行：1行无误，4行有错误");
        assertThat(rowOf(report, 3, "手机号码（phone）")).contains("请输入11位中国大陆手机号码");
        assertThat(rowOf(report, 3, "报考级别（examLevel）")).contains("“外科医师”不是有效的选项");
        assertThat(rowOf(report, 3, "毕业日期（graduationDate）")).contains("“2023-02-30”不是有效的日期");
        assertThat(rowOf(report, 4, "证件号码（idNumber）")).contains("该证件号码与第2行重复");
        assertThat(rowOf(report, 5, "研究生状态（postgraduateStatus）")).contains("只有研究生学历才填写研究生状态");
        assertThat(rowOf(report, 6, "证件号码（idNumber）")).contains("校验位不正确");
        assertThat(report).doesNotContain("value=\"ALL\"").contains("value=\"VALID_ONLY\"");
        assertThat(accounts.byLoginName(good)).isEmpty();

        confirm(report, "ALL").andExpect(status().isOk()).andExpect(content().string(containsString("不能全部导入")));
        assertThat(accounts.byLoginName(good)).isEmpty();

        confirm(report, "VALID_ONLY")
                .andExpect(status().isFound())
                .andExpect(flash().attribute("flashSuccess", containsString("已导入1条报名信息")));
        assertThat(registrations.of(accounts.byLoginName(good).orElseThrow().id(), 2025))
                .isPresent();
        assertThat(accounts.byLoginName(bad)).isEmpty();
    }

    /** The text of the report's error row for that row number and column. */
    static String rowOf(String report, int row, String column) {
        var matcher = Pattern.compile(
                        "<td>" + row + "</td>\\s*<td>" + Pattern.quote(column) + "</td>\\s*<td>([^<]*)</td>")
                .matcher(report);
        assertThat(matcher.find()).as("error of row " + row + " in " + column).isTrue();
        return matcher.group(1);
    }

    @Test
    void aGb18030CsvIsReadToo() throws Exception {
        String idNumber = TestCandidates.freshIdNumber();
        byte[] file = (HEADER + "\r\n" + bachelorRow(idNumber, "欧阳娜娜", TestCandidates.freshPhone()) + "\r\n")
                .getBytes(Charset.forName("GB18030"));

        String report = dryRun("gbk.csv", file);
        assertThat(report).contains("共1行：1行无误", "欧阳娜娜");
        confirm(report, "ALL").andExpect(status().isFound());

        var account = accounts.byLoginName(idNumber).orElseThrow();
        assertThat(account.displayName()).isEqualTo("欧阳娜娜");
        assertThat(registrations.of(account.id(), 2025).orElseThrow().school()).isEqualTo("中国医科大学");
    }

    @Test
    void fileProblemsAreReportedWithoutAnOfferToImport() throws Exception {
        assertThat(dryRun(
                        "unknown.csv",
                        csv(HEADER + ",血型", bachelorRow(TestCandidates.freshIdNumber(), "李雷", "13700000000") + ",A")))
                .contains("列名“血型”无法识别")
                .doesNotContain("name=\"token\"");
        assertThat(dryRun("missing.csv", csv("证件号码,姓名", TestCandidates.freshIdNumber() + ",李雷")))
                .contains("缺少必需的列", "手机号码（phone）")
                .doesNotContain("name=\"token\"");
        byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
        assertThat(dryRun("old.xls", ole2)).contains("不支持旧版 Excel");
        assertThat(dryRun("broken.xlsx", new byte[] {'P', 'K', 3, 4, 1, 2, 3})).contains("无法读取此文件");
        upload("none.csv", new byte[0])
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请选择要导入的")));
    }

    @Test
    void aSubmittedCandidatesRowIsRefused() throws Exception {
        var candidate = candidates.residentCandidate(mvc);
        candidates.submitApplication(candidate.account());

        String report = dryRun(
                "submitted.csv", csv(HEADER, bachelorRow(candidate.account().loginName(), "测试考生", "13700000000")));

        assertThat(rowOf(report, 2, "证件号码（idNumber）")).contains("报名已提交");
        assertThat(report).doesNotContain("name=\"token\"");
    }

    @Test
    void aForgedOrForeignConfirmationImportsNothing() throws Exception {
        String idNumber = TestCandidates.freshIdNumber();
        String report = dryRun("one.csv", csv(HEADER, bachelorRow(idNumber, "孙悟", TestCandidates.freshPhone())));
        var token = TOKEN.matcher(report);
        assertThat(token.find()).isTrue();

        mvc.perform(post("/admin/registrations/import/confirm")
                        .with(csrf())
                        .cookie(admin.session())
                        .param("token", token.group(1))
                        .param("sha256", "0".repeat(64))
                        .param("mode", "ALL"))
                .andExpect(flash().attribute("flashError", containsString("预检结果已失效")));
        var otherAdmin = candidates.administrator(mvc);
        var sha = SHA.matcher(report);
        assertThat(sha.find()).isTrue();
        mvc.perform(post("/admin/registrations/import/confirm")
                        .with(csrf())
                        .cookie(otherAdmin.session())
                        .param("token", token.group(1))
                        .param("sha256", sha.group(1))
                        .param("mode", "ALL"))
                .andExpect(flash().attribute("flashError", containsString("预检结果已失效")));
        mvc.perform(post("/admin/registrations/import/confirm")
                        .with(csrf())
                        .cookie(admin.session())
                        .param("token", token.group(1))
                        .param("sha256", sha.group(1))
                        .param("mode", "EVERYTHING"))
                .andExpect(flash().attribute("flashError", containsString("预检结果已失效")));
        assertThat(accounts.byLoginName(idNumber)).isEmpty();
    }

    @Test
    void anImportedCandidateClaimsTheAccountAtRegistration() throws Exception {
        String idNumber = TestCandidates.freshIdNumber();
        String phone = TestCandidates.freshPhone();
        confirm(dryRun("claim.csv", csv(HEADER, bachelorRow(idNumber, "冯清", phone))), "ALL")
                .andExpect(status().isFound());
        var imported = accounts.byLoginName(idNumber).orElseThrow();

        // no password yet: nobody can log in
        mvc.perform(formLogin("/login").user(idNumber).password("")).andExpect(redirectedUrl("/login?error"));

        // another phone does not claim it
        String otherPhone = TestCandidates.freshPhone();
        candidates.sendCode(mvc, otherPhone);
        mvc.perform(post("/api/v1/auth/register")
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(registration(idNumber, otherPhone, candidates.lastCodeFor(otherPhone))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("idNumber"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("考点已为该证件号码导入报名信息")));

        candidates.sendCode(mvc, phone);
        mvc.perform(post("/api/v1/auth/register")
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(registration(idNumber, phone, candidates.lastCodeFor(phone))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value(imported.id()));

        var candidate = candidates.logIn(mvc, idNumber);
        assertThat(candidate.account().id()).isEqualTo(imported.id());
        assertThat(candidate.account().displayName()).isEqualTo("冯清");
        mvc.perform(get("/api/v1/candidate/registration").cookie(candidate.session()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.saved").value(true))
                .andExpect(jsonPath("$.school").value("中国医科大学"));
    }

    static String registration(String idNumber, String phone, String code) {
        return """
                {"idType": "%s", "idNumber": "%s", "name": "冯清", "phone": "%s", "password": "%s",
                 "passwordConfirmation": "%s", "code": "%s"}
                """.formatted(
                IdType.RESIDENT_ID_CARD, idNumber, phone, TestCandidates.PASSWORD, TestCandidates.PASSWORD, code);
    }

    @Test
    void onlyAdministratorsImport() throws Exception {
        var candidate = candidates.residentCandidate(mvc);
        mvc.perform(get("/admin/registrations/import").cookie(candidate.session()))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/admin/registrations/import")
                        .file(new MockMultipartFile("file", "x.csv", "text/csv", csv(HEADER)))
                        .with(csrf())
                        .cookie(candidate.session()))
                .andExpect(status().isForbidden());
    }
}
