/**
 * The form of candidate facts, shared by every page that asks for them: {@link cn.qualify.policy.web.facts.FactsForm}
 * (the binding object), {@link cn.qualify.policy.web.facts.FactsFormBinding} (its drop-down choices and message
 * codes) and the Thymeleaf fragment {@code policy/facts-form :: fields(prefix, yearText)} that renders its fields.
 * The policy's self-check and preview use it directly; the registration page nests it under {@code facts.}.
 */
@org.springframework.modulith.NamedInterface("facts-form")
package cn.qualify.policy.web.facts;
