package cn.qualify.registration;

import cn.qualify.application.Application;
import cn.qualify.application.ApplicationState;
import cn.qualify.application.Applications;
import cn.qualify.exam.ExamYear;
import cn.qualify.exam.ExamYears;
import cn.qualify.identity.Account;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A candidate's own registration info for the current exam year: what it is, whether they may change it, and
 * changing it. Changes are allowed while the candidate has no application that year or it is still a draft, and
 * while the year's registration window is open; the name and document come from the candidate's account.
 */
@Service
class CandidateRegistrations {

    /** Where a candidate stands: the current exam year (null if none), their registration and why it is locked. */
    record Situation(
            ExamYear year, Optional<Registration> registration, Optional<ApplicationState> application, Lock lock) {

        boolean editable() {
            return lock == null;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(CandidateRegistrations.class);

    private final JdbcRegistrations registrations;
    private final ExamYears years;
    private final Applications applications;
    private final RegistrationRules rules;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transaction;

    CandidateRegistrations(
            JdbcRegistrations registrations,
            ExamYears years,
            Applications applications,
            RegistrationRules rules,
            ApplicationEventPublisher events,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.registrations = registrations;
        this.years = years;
        this.applications = applications;
        this.rules = rules;
        this.events = events;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    Situation situation(Account candidate) {
        var current = years.current();
        if (current.isEmpty()) {
            return new Situation(
                    null, Optional.empty(), Optional.empty(), new Lock(Lock.Reason.NO_EXAM_YEAR, null, null));
        }
        var year = current.get();
        var application = applications
                .ofCandidate(String.valueOf(candidate.id()), year.year())
                .map(Application::state);
        return new Situation(year, registrations.of(candidate.id(), year.year()), application, lock(year, application));
    }

    /**
     * Checks and saves the candidate's registration info for the current exam year.
     *
     * @param problems collects what is wrong; nothing is saved then
     * @return the saved registration; empty when {@code problems} says why not
     * @throws RegistrationLockedException if the candidate may not change it now
     */
    Optional<Registration> save(Account candidate, RegistrationDetails details, Problems problems) {
        try {
            return saveOnce(candidate, details, problems);
        } catch (DuplicateKeyException raced) {
            // a second request of the same candidate inserted first: this one now updates that row
            return saveOnce(candidate, details, problems);
        }
    }

    /**
     * Checks the details as {@link #save} would, saving nothing.
     *
     * @throws RegistrationLockedException if the candidate may not change their registration info now
     */
    void check(Account candidate, RegistrationDetails details, Problems problems) {
        var situation = situation(candidate);
        if (!situation.editable()) {
            throw new RegistrationLockedException(situation.lock());
        }
        rules.check(candidate.id(), situation.year().year(), person(candidate), details, problems);
    }

    private static Person person(Account candidate) {
        return new Person(candidate.idType(), candidate.loginName(), candidate.displayName());
    }

    private Optional<Registration> saveOnce(Account candidate, RegistrationDetails details, Problems problems) {
        return transaction.execute(status -> {
            var situation = situation(candidate);
            if (!situation.editable()) {
                throw new RegistrationLockedException(situation.lock());
            }
            var checked = rules.check(candidate.id(), situation.year().year(), person(candidate), details, problems);
            checked.ifPresent(registration -> {
                registrations.save(registration);
                events.publishEvent(new RegistrationSaved(
                        registration.candidateId(),
                        registration.examYear(),
                        registration.examPointCode(),
                        situation
                                .registration()
                                .map(Registration::examPointCode)
                                .orElse(null),
                        false,
                        registration.updatedAt()));
                log.info("Registration info of candidate {} for {} saved", candidate.id(), registration.examYear());
            });
            return checked;
        });
    }

    private Lock lock(ExamYear year, Optional<ApplicationState> application) {
        if (application.isPresent() && application.get() != ApplicationState.DRAFT) {
            return new Lock(
                    Lock.Reason.APPLICATION_SUBMITTED, null, application.get().name());
        }
        var today = LocalDate.now(clock);
        if (today.isBefore(year.registrationOpens())) {
            return new Lock(Lock.Reason.NOT_YET_OPEN, year.registrationOpens(), null);
        }
        if (!year.registrationOpenOn(today)) {
            return new Lock(Lock.Reason.CLOSED, year.registrationCloses(), null);
        }
        return null;
    }
}
