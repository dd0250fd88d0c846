package cn.qualify.candidate;

import cn.qualify.application.ImageChecks;
import cn.qualify.materials.ImageVerification;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * How far verification is behind, for operators (docs/operations.md): after the deadline peak the backlog should fall
 * steadily to zero. Read when scraped: the backlog is one count in the database, the same on every node.
 */
@Component
class VerificationMetrics implements MeterBinder {

    private final ImageChecks checks;
    private final ImageVerification verification;

    VerificationMetrics(ImageChecks checks, ImageVerification verification) {
        this.checks = checks;
        this.verification = verification;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("qualify.verification.backlog", checks, ImageChecks::uncheckedCount)
                .description("Current images without a verification result yet, in the whole database")
                .register(registry);
        Gauge.builder("qualify.verification.queued", verification, ImageVerification::waiting)
                .description("Verifications waiting for a thread of this node's pool")
                .register(registry);
    }
}
