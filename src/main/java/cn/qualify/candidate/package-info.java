/**
 * The candidate's journey (三): the personal checklist with upload, delete and replace per material, submission
 * for review, resubmission after a return and withdrawal, as pages and as a JSON API.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Candidate journey",
        allowedDependencies = {"shared", "identity", "exam", "policy", "application", "materials", "registration"})
package cn.qualify.candidate;
