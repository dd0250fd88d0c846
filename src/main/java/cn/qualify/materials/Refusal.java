package cn.qualify.materials;

/**
 * Ends an inspection early with a refusal. Thrown deep inside the format parsers; carries no stack trace because
 * refusing bad input is an expected outcome, not a failure.
 */
final class Refusal extends Exception {

    private final transient RefusedImage refusal;

    Refusal(RefusedImage refusal) {
        super(refusal.reason().name(), null, false, false);
        this.refusal = refusal;
    }

    static Refusal of(RefusalReason reason, Object... arguments) {
        return new Refusal(RefusedImage.of(reason, arguments));
    }

    RefusedImage refusal() {
        return refusal;
    }
}
