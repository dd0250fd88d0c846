package cn.qualify.policy;

/** How much a finding weighs: an {@link #ERROR} blocks submission, {@link #INFO} only informs. */
public enum Severity {
    ERROR,
    INFO
}
