/**
 * Printable forms: the PDFs with Chinese text that a candidate prints, signs or has stamped, pre-filled from the
 * registration info. The application form (报名暨授予医师资格申请表, 二.8) is offered to every candidate with
 * registration info; the assessment certificates (一(五)), the graduate's commitment (一(五)) and the shortage
 * add-on application (一(二)) only when the candidate's checklist asks for them. Other modules and the web layer
 * use {@link cn.qualify.forms.Forms}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Printable forms",
        allowedDependencies = {"shared", "identity", "exam", "policy", "registration", "application"})
package cn.qualify.forms;
