/**
 * Registration info (报名信息): the candidate's personal details and the facts that the policy reads, one record
 * per candidate and exam year, edited by the candidate while the application is a draft or imported in bulk by
 * administrators. Other modules read it through {@link cn.qualify.registration.Registrations}. The page's facts
 * fields are the policy's facts form (named interface {@code policy :: facts-form}).
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Registration info",
        allowedDependencies = {"shared", "identity", "exam", "policy", "policy :: facts-form", "application"})
package cn.qualify.registration;
