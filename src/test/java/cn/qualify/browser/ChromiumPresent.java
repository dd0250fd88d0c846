package cn.qualify.browser;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs the browser tests only where Debian's Chromium and its driver are installed; elsewhere JUnit reports them as
 * skipped with the reason (also printed once to the build's output), before any application context starts.
 */
class ChromiumPresent implements ExecutionCondition {

    private static final AtomicBoolean TOLD = new AtomicBoolean();

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return Chromium.missing()
                .map(what -> {
                    String reason = "Browser tests skipped: " + what
                            + " (install Debian's packages chromium and chromium-driver; see docs/browser-tests.md)";
                    if (TOLD.compareAndSet(false, true)) {
                        System.err.println(reason);
                    }
                    return ConditionEvaluationResult.disabled(reason);
                })
                .orElseGet(() -> ConditionEvaluationResult.enabled(
                        "Chromium at " + Chromium.BINARY + ", driver at " + Chromium.DRIVER));
    }
}
