package cn.qualify.policy.definition;

import java.io.IOException;
import java.io.InputStream;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The policy files named by {@code qualify.policy.files}, loaded and validated once at start-up: a broken file
 * stops the application with a message naming the file and the field.
 */
@Component
public class PolicyFiles {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    private final Map<String, PolicyDefinition> byId = new LinkedHashMap<>();
    private final PolicyDefinition current;

    PolicyFiles(PolicyProperties properties, ResourceLoader resources) {
        for (String location : properties.files()) {
            var resource = resources.getResource(location.strip());
            try (InputStream in = resource.getInputStream()) {
                var policy = parse(location, in);
                if (byId.putIfAbsent(policy.id(), policy) != null) {
                    throw new InvalidPolicyFileException(location, "id", "policy " + policy.id() + " is loaded twice");
                }
            } catch (IOException e) {
                throw new InvalidPolicyFileException(location, null, "cannot be read (" + e.getMessage() + ")", e);
            }
        }
        if (byId.isEmpty()) {
            throw new IllegalStateException("qualify.policy.files names no policy file");
        }
        if (properties.current() == null || properties.current().isBlank()) {
            current = byId.values().stream()
                    .max(Comparator.comparing(PolicyDefinition::examYear))
                    .orElseThrow();
        } else {
            current = Optional.ofNullable(byId.get(properties.current().strip()))
                    .orElseThrow(() -> new IllegalStateException("qualify.policy.current: no loaded policy file has id "
                            + properties.current() + " (loaded: " + byId.keySet() + ")"));
        }
    }

    /**
     * Reads and validates one policy file.
     *
     * @throws InvalidPolicyFileException naming the field when the file is malformed or breaks a rule
     */
    public static PolicyDefinition parse(String location, InputStream yaml) {
        PolicyDefinition policy;
        try {
            policy = YAML.readValue(yaml, PolicyDefinition.class);
        } catch (JacksonException e) {
            throw new InvalidPolicyFileException(location, pathOf(e), e.getOriginalMessage(), e);
        }
        if (policy == null) {
            throw new InvalidPolicyFileException(location, null, "is empty");
        }
        new PolicyFileValidation(location).validate(policy);
        return policy;
    }

    /** The policy candidates currently register under. */
    public PolicyDefinition current() {
        return current;
    }

    /** @throws NoSuchElementException if no policy of that id is loaded */
    public PolicyDefinition byId(String id) {
        var policy = byId.get(id);
        if (policy == null) {
            throw new NoSuchElementException("No policy " + id + " (loaded: " + byId.keySet() + ")");
        }
        return policy;
    }

    /** The policy of an exam year in the current policy's district. */
    public Optional<PolicyDefinition> forExamYear(int examYear) {
        return byId.values().stream()
                .filter(p -> p.examYear() == examYear && p.districtCode().equals(current.districtCode()))
                .findFirst();
    }

    public List<PolicyDefinition> all() {
        return List.copyOf(byId.values());
    }

    private static String pathOf(JacksonException e) {
        var path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
