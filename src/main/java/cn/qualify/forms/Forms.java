package cn.qualify.forms;

import cn.qualify.application.Application;
import cn.qualify.application.Applications;
import cn.qualify.exam.ExamPoint;
import cn.qualify.exam.ExamPoints;
import cn.qualify.exam.ExamYear;
import cn.qualify.exam.ExamYears;
import cn.qualify.policy.Policies;
import cn.qualify.registration.Registration;
import cn.qualify.registration.Registrations;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The printable forms of a candidate for the current exam year. Forms are offered from the candidate's registration
 * info and its policy evaluation: the application form to everyone with registration info, each other form only
 * when the checklist requires its material (see {@link FormKind}). Nothing is stored; every print reads the
 * registration afresh, so a form always shows the current registration info.
 */
@Service
public class Forms {

    private final ObjectProvider<Registrations> registrations;
    private final Policies policies;
    private final ExamYears examYears;
    private final ExamPoints examPoints;
    private final Applications applications;
    private final FormPrinter printer;
    private final Clock clock;

    // Registration info is optional so that the module also starts where no registration store is present
    // (module tests); without one, no candidate has registration info and nothing is offered.
    Forms(
            ObjectProvider<Registrations> registrations,
            Policies policies,
            ExamYears examYears,
            ExamPoints examPoints,
            Applications applications,
            FormPrinter printer,
            Clock clock) {
        this.registrations = registrations;
        this.policies = policies;
        this.examYears = examYears;
        this.examPoints = examPoints;
        this.applications = applications;
        this.printer = printer;
        this.clock = clock;
    }

    /**
     * The forms offered to the candidate for the current exam year, in the order of {@link FormKind} and of the
     * work units. Empty exactly when the candidate has no registration info for that year (or no exam year is set
     * up); otherwise the application form comes first.
     */
    public List<OfferedForm> offeredTo(long candidateId) {
        return registration(candidateId)
                .map(registration -> FormOffer.offered(registration, policies.evaluate(registration.facts())))
                .orElse(List.of());
    }

    /**
     * Prints one of the candidate's own forms, pre-filled from their registration info and with the number of
     * their application of the exam year, if they have one.
     *
     * @param unitNumber for a form per work unit, the unit's number from 1; {@code null} for the other forms
     * @return empty if that form (or that unit's copy) is not offered to this candidate
     */
    public Optional<PrintedForm> print(long candidateId, FormKind kind, @Nullable Integer unitNumber) {
        return print(candidateId, kind, unitNumber, null, true);
    }

    /**
     * Prints one of the candidate's own forms with the given application number (报名号) in its header.
     *
     * @param unitNumber for a form per work unit, the unit's number from 1; {@code null} for the other forms
     * @param applicationNumber printed as given; {@code null} leaves the field blank to fill in by hand
     * @return empty if that form (or that unit's copy) is not offered to this candidate
     */
    public Optional<PrintedForm> print(
            long candidateId, FormKind kind, @Nullable Integer unitNumber, @Nullable String applicationNumber) {
        return print(candidateId, kind, unitNumber, applicationNumber, false);
    }

    private Optional<PrintedForm> print(
            long candidateId,
            FormKind kind,
            @Nullable Integer unitNumber,
            @Nullable String applicationNumber,
            boolean lookUpApplicationNumber) {
        var registration = registration(candidateId);
        if (registration.isEmpty()) {
            return Optional.empty();
        }
        var offered = FormOffer.offered(
                        registration.get(), policies.evaluate(registration.get().facts()))
                .stream()
                .filter(form -> form.kind() == kind && Objects.equals(form.unitNumber(), unitNumber))
                .findFirst();
        if (offered.isEmpty()) {
            return Optional.empty();
        }
        int examYear = registration.get().examYear();
        String number = lookUpApplicationNumber
                ? applications
                        .ofCandidate(Long.toString(candidateId), examYear)
                        .map(Application::number)
                        .orElse(null)
                : applicationNumber;
        var content = new FormContent(
                offered.get(),
                registration.get(),
                examPointName(registration.get().examPointCode()),
                number,
                LocalDate.now(clock));
        return Optional.of(new PrintedForm(offered.get(), printer.print(content)));
    }

    private Optional<Registration> registration(long candidateId) {
        var store = registrations.getIfAvailable();
        if (store == null) {
            return Optional.empty();
        }
        return examYears.current().map(ExamYear::year).flatMap(year -> store.of(candidateId, year));
    }

    private @Nullable String examPointName(@Nullable String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        return examPoints.byCode(code).map(ExamPoint::name).orElse(code);
    }
}
