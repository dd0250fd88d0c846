/**
 * Identity: accounts of candidates and staff, roles and exam-point scopes, log-in, sessions and the web security
 * rules of the whole application.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package cn.qualify.identity;
