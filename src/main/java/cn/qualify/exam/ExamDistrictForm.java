package cn.qualify.exam;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What an administrator enters for the exam district; the code can be chosen only when it is first set up. */
class ExamDistrictForm {

    @NotBlank(message = "{exam.district.code.required}")
    @Pattern(regexp = "\\d{2}", message = "{exam.district.code.format}")
    private String code;

    @NotBlank(message = "{exam.district.name.required}")
    @Size(max = 50, message = "{exam.district.name.size}")
    private String name;

    static ExamDistrictForm of(ExamDistrict district) {
        var form = new ExamDistrictForm();
        form.code = district.code();
        form.name = district.name();
        return form;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code == null ? null : code.strip();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name == null ? null : name.strip();
    }
}
