package cn.qualify.policy.definition;

import cn.qualify.policy.Education;
import cn.qualify.policy.FindingCode;
import cn.qualify.policy.InstitutionType;
import cn.qualify.policy.LocalizedText;
import cn.qualify.policy.Material;
import cn.qualify.policy.Route;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One policy file, e.g. {@code policy/LN-2025.yml}: the dates, counts, routes, texts and material catalogue of
 * one exam year in one exam district. The format is described in {@code docs/policy.md}; {@link PolicyFiles}
 * loads and validates it.
 */
public record PolicyDefinition(
        String id,
        Integer examYear,
        String districtCode,
        LocalizedText title,
        LocalizedText source,
        LocalDate referenceDate,
        Map<Education, RegistrationCutoff> assistantRegistration,
        LocalDate topUpBachelorAdmittedFrom,
        RuralService ruralService,
        InstitutionDocument institutionDocument,
        List<RouteDefinition> routes,
        Map<Modifier, ModifierDefinition> modifiers,
        Map<FindingCode, FindingDefinition> findings,
        Map<InvalidFacts, InvalidFactsMessage> invalidFacts,
        Map<Material, CatalogueItem> catalogue) {

    public Optional<RouteDefinition> route(Route route) {
        return routes.stream().filter(r -> r.route() == route).findFirst();
    }

    public ModifierDefinition modifier(Modifier modifier) {
        return modifiers.get(modifier);
    }

    public CatalogueItem item(Material material) {
        return catalogue.get(material);
    }

    /**
     * Continuous work from the assistant practice certificate's registration (一(一)).
     *
     * @param years years of continuous work up to the reference date
     * @param cutoff the latest registration date that counts: the reference date minus the years
     * @param label the education's name in the finding's message
     */
    public record RegistrationCutoff(Integer years, LocalDate cutoff, LocalizedText label) {}

    /**
     * Service at rural units for 乡村全科 (一(三)).
     *
     * @param years years of service needed up to the reference date
     * @param unitTypes the work unit types that count
     */
    public record RuralService(Integer years, List<InstitutionType> unitTypes) {}

    /**
     * Which document proves the registered institution (一(四)).
     *
     * @param exemptTypes types that need no document
     * @param filingType the type whose document is a filing, which LICENCE_ONLY routes refuse
     * @param filing the filing document
     * @param byType other types with a document of their own
     * @param otherwise the licence every other type provides
     */
    public record InstitutionDocument(
            String clause,
            List<InstitutionType> exemptTypes,
            LocalizedText exemptReason,
            InstitutionType filingType,
            InstitutionDocumentChoice filing,
            Map<InstitutionType, InstitutionDocumentChoice> byType,
            Licence otherwise) {}

    public record InstitutionDocumentChoice(Material material, LocalizedText reason) {}

    /**
     * The institution licence.
     *
     * @param changedReason why the change pages are needed too
     * @param minImagesWhenChanged fewest images of a licence with changes
     */
    public record Licence(
            Material material, LocalizedText reason, LocalizedText changedReason, Integer minImagesWhenChanged) {}

    /**
     * An addition to the checklist of a route.
     *
     * @param routes the routes it applies to; all routes when absent
     * @param alternativeDiplomaMinImages SECONDARY_EDUCATION_VERIFICATION only: images of a diploma that replace
     *     the report
     * @param reasonDiplomaLost SECONDARY_EDUCATION_VERIFICATION only: the reason when the diploma is lost
     */
    public record ModifierDefinition(
            String clause,
            LocalizedText reason,
            @OptionalInFile List<Route> routes,
            @OptionalInFile Integer alternativeDiplomaMinImages,
            @OptionalInFile LocalizedText reasonDiplomaLost) {

        public boolean appliesTo(Route route) {
            return routes == null || routes.contains(route);
        }
    }

    /** The clause and message of a finding; the message may hold placeholders like {@code {cutoff}}. */
    public record FindingDefinition(String clause, LocalizedText message) {}

    /** The message of one kind of contradictory or incomplete facts, and the fact it concerns. */
    public record InvalidFactsMessage(String field, String zh, String en) {

        public LocalizedText text() {
            return new LocalizedText(zh, en);
        }
    }

    /** A material of the catalogue: its name, the upload page's requirement text and image counts. */
    public record CatalogueItem(LocalizedText name, LocalizedText instructions, Integer minImages, Integer maxImages) {}
}
