/**
 * Shared kernel: the clock, locale handling, RFC 9457 problem details for the API and the error pages.
 * Every module may use it; it depends on no other module.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Shared kernel",
        type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package cn.qualify.shared;
