package cn.qualify.candidate;

import cn.qualify.application.Actor;
import cn.qualify.application.Application;
import cn.qualify.application.ApplicationState;
import cn.qualify.application.Applications;
import cn.qualify.identity.Account;
import cn.qualify.identity.Accounts;
import cn.qualify.registration.RegistrationSaved;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Moves a candidate's draft application to the exam point their registration info now names. The application keeps
 * the exam point it was opened with, and the reviewers' queues and scopes read it from there, so a candidate who
 * changes exam point before submitting must take the draft along.
 *
 * <p>A plain (synchronous) listener on purpose: it runs inside the transaction that saves the registration info, so
 * the registration and the application never name different exam points; if the move fails (a
 * {@link cn.qualify.application.StaleApplicationException} when an upload of the same candidate saved the draft at
 * that very moment), the save fails too and changes nothing. A
 * submitted application does not move (the registration info is locked then anyway; only an administrator's import
 * could still name another exam point, and that is left to the reviewers).
 */
@Component
class ExamPointFollower {

    private static final Logger log = LoggerFactory.getLogger(ExamPointFollower.class);

    private final Applications applications;
    private final Accounts accounts;

    ExamPointFollower(Applications applications, Accounts accounts) {
        this.applications = applications;
        this.accounts = accounts;
    }

    @EventListener
    void on(RegistrationSaved saved) {
        applications
                .ofCandidate(String.valueOf(saved.candidateId()), saved.examYear())
                .filter(application -> !application.examPointCode().equals(saved.examPointCode()))
                .ifPresent(application -> move(application, saved));
    }

    private void move(Application application, RegistrationSaved saved) {
        if (application.state() != ApplicationState.DRAFT) {
            log.warn(
                    "Registration of candidate {} names exam point {}, but application {} is {} and stays at {}",
                    saved.candidateId(),
                    saved.examPointCode(),
                    application.number(),
                    application.state(),
                    application.examPointCode());
            return;
        }
        application.moveToExamPoint(saved.examPointCode(), actor(saved), saved.savedAt());
        applications.save(application);
        log.info(
                "Draft application {} of candidate {} moved to exam point {}",
                application.number(),
                saved.candidateId(),
                saved.examPointCode());
    }

    /** The candidate who saved, or the system for an administrator's import (the event does not name the admin). */
    private Actor actor(RegistrationSaved saved) {
        var candidateId = String.valueOf(saved.candidateId());
        if (saved.imported()) {
            return Actor.SYSTEM;
        }
        return new Actor(
                candidateId,
                accounts.byId(saved.candidateId()).map(Account::displayName).orElse(candidateId));
    }
}
