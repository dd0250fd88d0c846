package cn.qualify.exam;

/** The exam year or exam point asked for does not exist. The code is a message key without the module prefix. */
class ExamSetupNotFound extends RuntimeException {

    private final String code;
    private final transient Object[] args;

    ExamSetupNotFound(String code, Object... args) {
        super(code);
        this.code = code;
        this.args = args;
    }

    String code() {
        return code;
    }

    Object[] args() {
        return args;
    }
}
