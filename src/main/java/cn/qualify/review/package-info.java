/**
 * Review: the reviewers' side of the two-level qualification review. Queues scoped to the reviewer's exam points,
 * time-limited leases so that two reviewers never decide the same candidate at once, the review screen with
 * per-material decisions, the exam point's and the district's decisions, the record of the signed application form
 * (二.8), and the audit of every view of a candidate's documents. Every change of an application goes through
 * {@link cn.qualify.application.Applications} and the application aggregate.
 *
 * <p>Other modules may read {@link cn.qualify.review.ReplacementReason} (the reason templates and their message keys)
 * and {@link cn.qualify.review.FormReceipts}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Review",
        allowedDependencies = {
            "shared",
            "identity",
            "exam",
            "policy",
            "materials",
            "application",
            "audit",
            "registration"
        })
package cn.qualify.review;
