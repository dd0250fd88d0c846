package cn.qualify.policy.definition;

import cn.qualify.policy.FindingCode;
import cn.qualify.policy.LocalizedText;
import cn.qualify.policy.Material;
import cn.qualify.policy.Route;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The rules a policy file must keep beyond its syntax; the first broken rule stops loading, naming the field. */
final class PolicyFileValidation {

    private final String location;

    PolicyFileValidation(String location) {
        this.location = location;
    }

    void validate(PolicyDefinition policy) {
        requirePresent(policy, "");
        check(policy.districtCode().matches("\\d{2}"), "districtCode", "must be a two-digit GB/T 2260 province code");
        complete(policy.catalogue(), Material.class, "catalogue");
        complete(policy.modifiers(), Modifier.class, "modifiers");
        complete(policy.findings(), FindingCode.class, "findings");
        complete(policy.invalidFacts(), InvalidFacts.class, "invalidFacts");
        policy.catalogue().forEach((material, item) -> {
            String field = "catalogue." + material;
            check(item.minImages() >= 0, field + ".minImages", "must not be negative");
            check(item.maxImages() >= 1, field + ".maxImages", "must be at least 1");
            check(item.minImages() <= item.maxImages(), field + ".minImages", "must not exceed maxImages");
        });
        check(
                policy.item(Material.ID_PROOF).minImages() > 0,
                "catalogue.ID_PROOF.minImages",
                "ID proof is required of every uploading candidate");
        policy.assistantRegistration().forEach((education, cutoff) -> {
            String field = "assistantRegistration." + education;
            check(cutoff.years() > 0, field + ".years", "must be positive");
            check(
                    cutoff.cutoff().equals(policy.referenceDate().minusYears(cutoff.years())),
                    field + ".cutoff",
                    "must be referenceDate " + policy.referenceDate() + " minus " + cutoff.years() + " years");
        });
        check(policy.ruralService().years() > 0, "ruralService.years", "must be positive");
        check(!policy.ruralService().unitTypes().isEmpty(), "ruralService.unitTypes", "must not be empty");
        validateInstitutionDocument(policy);
        validateRoutes(policy);
        validateModifiers(policy);
    }

    private void validateInstitutionDocument(PolicyDefinition policy) {
        var document = policy.institutionDocument();
        check(
                !document.exemptTypes().contains(document.filingType()),
                "institutionDocument.filingType",
                "cannot be exempt too");
        check(
                !document.byType().containsKey(document.filingType()),
                "institutionDocument.byType",
                "must not list the filing type");
        var licence = document.otherwise();
        var item = policy.item(licence.material());
        check(
                licence.minImagesWhenChanged() >= item.minImages()
                        && licence.minImagesWhenChanged() <= item.maxImages(),
                "institutionDocument.otherwise.minImagesWhenChanged",
                "must lie within the catalogue's image counts of " + licence.material());
    }

    private void validateRoutes(PolicyDefinition policy) {
        Set<Route> seen = EnumSet.noneOf(Route.class);
        for (int i = 0; i < policy.routes().size(); i++) {
            var route = policy.routes().get(i);
            String field = "routes[" + i + "]";
            check(
                    route.route() != Route.MILITARY_OFFLINE && route.route() != Route.NOT_COVERED,
                    field + ".route",
                    route.route() + " is decided by the facts, not by a route of the file");
            check(seen.add(route.route()), field + ".route", route.route() + " is listed twice");
            check(!route.materials().isEmpty(), field + ".materials", "must not be empty");
            check(
                    route.has(Material.ID_PROOF),
                    field + ".materials",
                    "must include ID_PROOF, which every uploading candidate provides");
            Set<Material> materials = new HashSet<>();
            for (int j = 0; j < route.materials().size(); j++) {
                check(
                        materials.add(route.materials().get(j).material()),
                        field + ".materials[" + j + "]",
                        route.materials().get(j).material() + " is listed twice");
            }
            if (route.assistantToPhysician()) {
                var educations = route.when().education();
                check(
                        educations != null
                                && policy.assistantRegistration().keySet().containsAll(educations),
                        field + ".when.education",
                        "an assistant → physician route needs an assistantRegistration cut-off for each education");
            }
        }
    }

    private void validateModifiers(PolicyDefinition policy) {
        var verification = policy.modifier(Modifier.SECONDARY_EDUCATION_VERIFICATION);
        String field = "modifiers.SECONDARY_EDUCATION_VERIFICATION";
        check(verification.alternativeDiplomaMinImages() != null, field + ".alternativeDiplomaMinImages", "is missing");
        check(verification.reasonDiplomaLost() != null, field + ".reasonDiplomaLost", "is missing");
        var diploma = policy.item(Material.DIPLOMA);
        check(
                verification.alternativeDiplomaMinImages() >= 1
                        && verification.alternativeDiplomaMinImages() <= diploma.maxImages(),
                field + ".alternativeDiplomaMinImages",
                "must lie within 1 and the diploma's maxImages " + diploma.maxImages());
        policy.modifiers().forEach((modifier, definition) -> {
            if (definition.routes() != null) {
                for (Route route : definition.routes()) {
                    check(
                            policy.route(route).isPresent(),
                            "modifiers." + modifier + ".routes",
                            route + " is not a route of this file");
                }
            }
        });
    }

    private <K extends Enum<K>> void complete(Map<K, ?> map, Class<K> keys, String field) {
        for (K key : keys.getEnumConstants()) {
            check(map.containsKey(key), field + "." + key, "is missing");
        }
    }

    /** Every value of the file is present unless its component is marked {@link OptionalInFile}. */
    private void requirePresent(Object value, String path) {
        if (value instanceof Record record) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                Object child = read(component, record);
                String field = path.isEmpty() ? component.getName() : path + "." + component.getName();
                if (child == null) {
                    check(component.isAnnotationPresent(OptionalInFile.class), field, "is missing");
                } else {
                    requirePresent(child, field);
                }
            }
            if (record instanceof LocalizedText text) {
                check(!text.zh().isBlank() && !text.en().isBlank(), path, "needs both zh and en text");
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                check(list.get(i) != null, path + "[" + i + "]", "is missing");
                requirePresent(list.get(i), path + "[" + i + "]");
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, child) -> {
                check(child != null, path + "." + key, "is missing");
                requirePresent(child, path + "." + key);
            });
        } else if (value instanceof String text) {
            check(!text.isBlank(), path, "must not be blank");
        } else if (value instanceof Collection<?>) {
            throw new IllegalStateException("unexpected collection at " + path);
        }
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private void check(boolean ok, String field, String problem) {
        if (!ok) {
            throw new InvalidPolicyFileException(location, field, problem);
        }
    }
}
