package cn.qualify.review;

import cn.qualify.application.Application;
import cn.qualify.policy.Evaluation;
import cn.qualify.policy.Policies;
import cn.qualify.registration.Registration;
import cn.qualify.registration.Registrations;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The registration info behind an application and what the policy makes of it. The registration module may be
 * absent from a deployment or have no record of the candidate; the review then shows what it has and says that the
 * rest was not filled in.
 */
@Component
class RegistrationsUnderReview {

    private static final Logger log = LoggerFactory.getLogger(RegistrationsUnderReview.class);

    private final ObjectProvider<Registrations> registrations;
    private final Policies policies;

    RegistrationsUnderReview(ObjectProvider<Registrations> registrations, Policies policies) {
        this.registrations = registrations;
        this.policies = policies;
    }

    Optional<Registration> of(Application application) {
        var store = registrations.getIfAvailable();
        if (store == null) {
            return Optional.empty();
        }
        long candidateId;
        try {
            candidateId = Long.parseLong(application.candidateId());
        } catch (NumberFormatException notAnAccountId) {
            return Optional.empty();
        }
        return store.of(candidateId, application.examYear());
    }

    /** The checklist and findings for the registration's facts; empty without facts or if they cannot be evaluated. */
    Optional<Evaluation> evaluate(Optional<Registration> registration) {
        if (registration.isEmpty() || registration.get().facts() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(policies.evaluate(registration.get().facts()));
        } catch (RuntimeException incompleteFacts) {
            log.warn(
                    "Facts of candidate {} cannot be evaluated: {}",
                    registration.get().candidateId(),
                    incompleteFacts.toString());
            return Optional.empty();
        }
    }
}
