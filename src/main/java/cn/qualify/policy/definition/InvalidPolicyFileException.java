package cn.qualify.policy.definition;

/** A policy file that cannot be read or breaks a rule of the format; the message names the file and the field. */
public class InvalidPolicyFileException extends IllegalStateException {

    InvalidPolicyFileException(String location, String field, String problem) {
        super("Policy file " + location + ": " + (field == null || field.isEmpty() ? "" : field + ": ") + problem);
    }

    InvalidPolicyFileException(String location, String field, String problem, Throwable cause) {
        this(location, field, problem);
        initCause(cause);
    }
}
