package cn.qualify.exam;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What an administrator enters for an exam point. Whether the code lies inside the district is checked by
 * {@link ExamSetup}, which knows the district.
 */
class ExamPointForm {

    @NotBlank(message = "{exam.point.code.required}")
    @Pattern(regexp = "\\d{4}", message = "{exam.point.code.format}")
    private String code;

    @NotBlank(message = "{exam.point.name.required}")
    @Size(max = 50, message = "{exam.point.name.size}")
    private String name;

    /** Absent keeps the current state (or makes a new point active). */
    private Boolean active;

    static ExamPointForm of(ExamPoint point) {
        var form = new ExamPointForm();
        form.code = point.code();
        form.name = point.name();
        form.active = point.active();
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

    public Boolean getActive() {
        return active;
    }

    public void setActive(Boolean active) {
        this.active = active;
    }
}
