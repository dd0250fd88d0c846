/**
 * Audit trail: who did what to which application or document, when and from which address. Entries are written in
 * the same transaction as the change they record and are never updated or deleted.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit trail", allowedDependencies = "application")
package cn.qualify.audit;
