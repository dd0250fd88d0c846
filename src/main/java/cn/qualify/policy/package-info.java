/**
 * Policy: turns a candidate's facts into the personal checklist of materials to upload and the eligibility
 * findings, following the versioned policy file of the exam year (e.g. {@code policy/LN-2025.yml}). Other
 * modules call {@link cn.qualify.policy.Policies}; the public self-check page, the {@code POST
 * /api/v1/policy/evaluate} endpoint and the administrators' policy page live here too. Nothing is stored.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Policy", allowedDependencies = "shared")
package cn.qualify.policy;
