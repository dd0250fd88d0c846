/**
 * Personal data (PIPL, 个人信息保护法): a copy of everything Qualify holds about one candidate, on request, for the
 * candidate themself (self-service) and for administrators who answer a written request. Every export is
 * recorded in the audit trail and the security log. See docs/operations.md, "Retention and personal data".
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Personal data",
        allowedDependencies = {"shared", "identity", "exam", "registration", "application", "audit", "materials"})
package cn.qualify.privacy;
