/**
 * Applications: one candidate's application for one exam year, with its uploaded images, per-material review
 * decisions and the lifecycle that the candidate journey and the two-level review move along.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Applications")
package cn.qualify.application;
