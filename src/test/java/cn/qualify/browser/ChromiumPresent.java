package cn.qualify.browser;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs the browser tests only where Debian's Chromium and its driver are installed; elsewhere JUnit reports them as
 * skipped with the reason, before any application context starts.
 */
class ChromiumPresent implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return Chromium.missing()
                .map(what -> ConditionEvaluationResult.disabled("Browser tests skipped: " + what
                        + " (install Debian's packages chromium and chromium-driver; see docs/browser-tests.md)"))
                .orElseGet(() -> ConditionEvaluationResult.enabled(
                        "Chromium at " + Chromium.BINARY + ", driver at " + Chromium.DRIVER));
    }
}
