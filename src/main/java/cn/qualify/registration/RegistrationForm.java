package cn.qualify.registration;

import cn.qualify.policy.web.facts.FactsForm;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The candidate's registration page as it binds: the personal fields and, under {@code facts.}, the policy's facts
 * form ({@link FactsForm}, shown by the policy's fragment). The facts bind as the page shows them
 * ({@code facts.institutionType}) and as the contract and the JSON API name them ({@code facts.institution.type},
 * {@code facts.workUnits[0].from}); the rules' problems name the contract's fields and show on the page's.
 */
public class RegistrationForm {

    private String gender;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate birthDate;

    private String phone;
    private String email;
    private String school;
    private String major;
    private String examPointCode;
    private FactsForm facts = new FactsForm();

    /** A form for a candidate who has not saved anything yet: the phone of their account filled in. */
    static RegistrationForm blank(String accountPhone) {
        var form = new RegistrationForm();
        form.phone = accountPhone;
        return form;
    }

    static RegistrationForm of(Registration registration) {
        var form = new RegistrationForm();
        form.gender = registration.gender();
        form.birthDate = registration.birthDate();
        form.phone = registration.phone();
        form.email = registration.email();
        form.school = registration.school();
        form.major = registration.major();
        form.examPointCode = registration.examPointCode();
        form.facts = FactsForm.of(registration.facts());
        form.facts.setExamYear(null); // the exam year is the server's, never the page's
        return form;
    }

    RegistrationDetails toDetails() {
        return new RegistrationDetails(gender, birthDate, phone, email, school, major, examPointCode, facts.toFacts());
    }

    /** The fields a request may bind: at most as many work-unit rows as a registration may have. */
    static String[] bindableFields() {
        var fields = new ArrayList<>(List.of(
                "gender",
                "birthDate",
                "phone",
                "email",
                "school",
                "major",
                "examPointCode",
                "facts.examLevel",
                "facts.category",
                "facts.education",
                "facts.postgraduateStatus",
                "facts.schoolProvinceCode",
                "facts.graduationDate",
                "facts.topUpBachelor",
                "facts.bachelorAdmissionDate",
                "facts.foreignDegree",
                "facts.diplomaLost",
                "facts.activeMilitary",
                "facts.assistantQualified",
                "facts.assistantRegistrationDate",
                "facts.assistantPracticeScope",
                "facts.crossProvinceTransfer",
                "facts.originalCertificateUnavailable",
                "facts.shortageExam",
                "facts.probationPost",
                "facts.institution.name",
                "facts.institution.type",
                "facts.institution.licenseChanged",
                "facts.institutionName",
                "facts.institutionType",
                "facts.licenseChanged"));
        for (int i = 0; i < RegistrationRules.MAX_WORK_UNITS; i++) {
            for (String part : List.of("name", "type", "from", "to")) {
                fields.add("facts.workUnits[" + i + "]." + part);
            }
        }
        // checkboxes send a marker field that Spring uses to bind an unticked box as false
        fields.addAll(fields.stream().map(field -> "_" + field).toList());
        return fields.toArray(String[]::new);
    }

    public String getGender() {
        return gender;
    }

    public void setGender(String gender) {
        this.gender = gender;
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }

    public void setBirthDate(LocalDate birthDate) {
        this.birthDate = birthDate;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getSchool() {
        return school;
    }

    public void setSchool(String school) {
        this.school = school;
    }

    public String getMajor() {
        return major;
    }

    public void setMajor(String major) {
        this.major = major;
    }

    public String getExamPointCode() {
        return examPointCode;
    }

    public void setExamPointCode(String examPointCode) {
        this.examPointCode = examPointCode;
    }

    public FactsForm getFacts() {
        return facts;
    }

    public void setFacts(FactsForm facts) {
        this.facts = facts;
    }
}
