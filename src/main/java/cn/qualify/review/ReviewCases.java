package cn.qualify.review;

import cn.qualify.application.Application;
import cn.qualify.application.ImageCheck;
import cn.qualify.application.ImageChecks;
import cn.qualify.application.MaterialImage;
import cn.qualify.application.MaterialReview;
import cn.qualify.exam.ExamPoint;
import cn.qualify.exam.ExamPoints;
import cn.qualify.exam.ExamYear;
import cn.qualify.exam.ExamYears;
import cn.qualify.identity.Account;
import cn.qualify.policy.CatalogueEntry;
import cn.qualify.policy.Evaluation;
import cn.qualify.policy.Material;
import cn.qualify.policy.Policies;
import cn.qualify.policy.Requirement;
import cn.qualify.registration.Registration;
import cn.qualify.review.ReviewCase.CandidateInfo;
import cn.qualify.review.ReviewCase.Decision;
import cn.qualify.review.ReviewCase.FindingLine;
import cn.qualify.review.ReviewCase.ImageInfo;
import cn.qualify.review.ReviewCase.LeaseInfo;
import cn.qualify.review.ReviewCase.MaterialFile;
import cn.qualify.shared.ExamDays;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Assembles the {@link ReviewCase} of an application from the modules that hold its parts. */
@Component
class ReviewCases {

    static final ZoneId EXAM_ZONE = ExamDays.ZONE;

    /** Used when the application's exam year is not set up; the notice itself names no number of days. */
    static final int FALLBACK_RESUBMISSION_DAYS = 5;

    private final ImageChecks imageChecks;
    private final RegistrationsUnderReview registrations;
    private final JdbcFormReceipts receipts;
    private final ExamYears examYears;
    private final ExamPoints examPoints;
    private final Policies policies;
    private final MessageSource messages;
    private final Clock clock;

    ReviewCases(
            ImageChecks imageChecks,
            RegistrationsUnderReview registrations,
            JdbcFormReceipts receipts,
            ExamYears examYears,
            ExamPoints examPoints,
            Policies policies,
            MessageSource messages,
            Clock clock) {
        this.imageChecks = imageChecks;
        this.registrations = registrations;
        this.receipts = receipts;
        this.examYears = examYears;
        this.examPoints = examPoints;
        this.policies = policies;
        this.messages = messages;
        this.clock = clock;
    }

    ReviewCase build(Application application, Account reviewer, Optional<Lease> lease, Locale locale) {
        var registration = registrations.of(application);
        var evaluation = registrations.evaluate(registration);
        var names = catalogueNames(application.examYear(), locale);
        var now = clock.instant();
        var leaseInfo = lease.filter(l -> l.activeAt(now))
                .map(l -> new LeaseInfo(
                        true, l.heldBy(ReviewDesk.actor(reviewer).accountId()), l.holderName(), l.expiresAt()))
                .orElse(new LeaseInfo(false, false, null, null));
        return new ReviewCase(
                application.id(),
                application.number(),
                application.examYear(),
                application.examPointCode(),
                examPoints
                        .byCode(application.examPointCode())
                        .map(ExamPoint::name)
                        .orElse(application.examPointCode()),
                application.state(),
                application.round(),
                application.offlineReview(),
                application.revisionDeadline().orElse(null),
                application.revisionDeadline().map(ExamDays::lastDayBefore).orElse(null),
                defaultLastDay(application.examYear()),
                application.version(),
                registration.map(this::candidate).orElse(null),
                evaluation.map(e -> e.route().name()).orElse(null),
                evaluation.map(e -> findings(e, locale)).orElse(List.of()),
                materials(application, evaluation, names, locale),
                application.materialsToReplace().stream()
                        .map(m -> names.getOrDefault(m, m))
                        .toList(),
                application.examPointDecider().map(actor -> actor.displayName()).orElse(null),
                leaseInfo,
                receipts.of(application.id()).orElse(null),
                ReviewAction.available(reviewer, application.state(), application.examPointCode()));
    }

    /** Today plus the exam year's resubmission days (二.5): the last day a return for revision proposes. */
    LocalDate defaultLastDay(int examYear) {
        int days = examYears
                .byYear(examYear)
                .or(examYears::current)
                .map(ExamYear::resubmissionDays)
                .orElse(FALLBACK_RESUBMISSION_DAYS);
        return today().plusDays(days);
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), EXAM_ZONE);
    }

    /** A deadline that ends the given day in China: resubmissions are refused from the next midnight on. */
    /** Names of the materials in the request's language, from the catalogue of the exam year's policy. */
    Map<String, String> catalogueNames(int examYear, Locale locale) {
        var policyId = examYears
                .byYear(examYear)
                .map(ExamYear::policyId)
                .filter(id -> policies.policyIds().contains(id))
                .orElseGet(policies::currentPolicyId);
        return policies.catalogue(policyId).stream()
                .collect(Collectors.toMap(
                        entry -> entry.material().name(),
                        (CatalogueEntry entry) -> entry.name().in(locale),
                        (a, b) -> a,
                        LinkedHashMap::new));
    }

    private CandidateInfo candidate(Registration registration) {
        return new CandidateInfo(
                registration.name(),
                registration.gender(),
                registration.birthDate(),
                registration.idType(),
                registration.idNumber(),
                registration.phone(),
                registration.email(),
                registration.school(),
                registration.major(),
                registration.examPointCode());
    }

    private static List<FindingLine> findings(Evaluation evaluation, Locale locale) {
        return evaluation.findings().stream()
                .map(f -> new FindingLine(
                        f.code().name(), f.severity().name(), f.message().in(locale), f.clause()))
                .toList();
    }

    private List<MaterialFile> materials(
            Application application, Optional<Evaluation> evaluation, Map<String, String> names, Locale locale) {
        Map<String, Requirement> requirements = new LinkedHashMap<>();
        evaluation.ifPresent(
                e -> e.requirements().forEach(r -> requirements.put(r.material().name(), r)));
        var codes = new LinkedHashSet<String>(requirements.keySet());
        var byCatalogue = new ArrayList<String>();
        application.allImages().stream()
                .filter(image -> image.isCurrent() || image.removedInRound() >= 1)
                .map(MaterialImage::material)
                .forEach(byCatalogue::add);
        application.reviewHistory().stream().map(MaterialReview::material).forEach(byCatalogue::add);
        byCatalogue.sort((a, b) -> Integer.compare(catalogueOrder(a), catalogueOrder(b)));
        codes.addAll(byCatalogue);

        var checks = imageChecks.of(
                application.allImages().stream().map(MaterialImage::storageKey).toList());
        var latest = application.latestReviews();
        var files = new ArrayList<MaterialFile>();
        for (String code : codes) {
            var requirement = Optional.ofNullable(requirements.get(code));
            var current = images(application, code, true, checks);
            var earlier = images(application, code, false, checks);
            var history = application.reviewHistory().stream()
                    .filter(review -> review.material().equals(code))
                    .map(review -> decision(review, locale))
                    .toList();
            files.add(new MaterialFile(
                    code,
                    requirement.map(r -> r.name().in(locale)).orElse(names.getOrDefault(code, code)),
                    requirement.isPresent(),
                    requirement.map(Requirement::required).orElse(false),
                    requirement.map(Requirement::minImages).orElse(0),
                    requirement.map(Requirement::maxImages).orElse(0),
                    requirement.map(r -> r.reason().in(locale)).orElse(null),
                    requirement.map(Requirement::clause).orElse(null),
                    current,
                    earlier,
                    Optional.ofNullable(latest.get(code))
                            .map(review -> decision(review, locale))
                            .orElse(null),
                    history));
        }
        return files;
    }

    private static int catalogueOrder(String code) {
        try {
            return Material.valueOf(code).ordinal();
        } catch (IllegalArgumentException unknown) {
            return Integer.MAX_VALUE;
        }
    }

    private static List<ImageInfo> images(
            Application application, String material, boolean current, Map<String, ImageCheck> checks) {
        var images = application.allImages().stream()
                .filter(image -> image.material().equals(material))
                .filter(image -> current ? image.isCurrent() : !image.isCurrent() && image.removedInRound() >= 1)
                .toList();
        var infos = new ArrayList<ImageInfo>();
        for (int i = 0; i < images.size(); i++) {
            var image = images.get(i);
            var check = checks.get(image.storageKey());
            var base = "/review/applications/" + application.id() + "/images/" + image.id();
            infos.add(new ImageInfo(
                    image.id(),
                    material,
                    i + 1,
                    base,
                    check != null && check.thumbnailKey() != null ? base + "?thumbnail=true" : null,
                    image.width(),
                    image.height(),
                    image.sizeBytes(),
                    image.uploadedAt(),
                    image.round(),
                    image.removedAt(),
                    check == null ? List.of() : check.flags().stream().sorted().toList()));
        }
        return infos;
    }

    private Decision decision(MaterialReview review, Locale locale) {
        Function<String, String> text = code -> ReplacementReason.of(code)
                .map(reason -> messages.getMessage(reason.messageKey(), null, code, locale))
                .orElse(code);
        return new Decision(
                review.verdict().name(),
                review.reasonCodes(),
                review.reasonCodes().stream().map(text).toList(),
                review.messageToCandidate(),
                review.internalNote(),
                review.reviewer().displayName(),
                review.at(),
                review.round());
    }
}
