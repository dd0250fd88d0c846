package cn.qualify.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What a new password must be (following NIST SP 800-63B): at least 8 characters, not a commonly used password,
 * not the login name; no composition rules. At most 72 bytes in UTF-8, the most bcrypt reads.
 */
@Component
class PasswordPolicy {

    static final int MIN_LENGTH = 8;
    static final int MAX_BYTES = 72;

    private final Set<String> blocked;

    PasswordPolicy() {
        this.blocked = load("identity/common-passwords.txt");
    }

    /** The message key of the first rule the password breaks, if any. */
    Optional<String> violation(String password, String loginName) {
        if (password == null || password.isEmpty()) {
            return Optional.of("identity.password.required");
        }
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("identity.password.tooShort");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("identity.password.tooLong");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (blocked.contains(lower)) {
            return Optional.of("identity.password.common");
        }
        if (loginName != null && !loginName.isBlank() && lower.contains(LoginNames.key(loginName))) {
            return Optional.of("identity.password.containsLoginName");
        }
        return Optional.empty();
    }

    private static Set<String> load(String resource) {
        var passwords = new HashSet<String>();
        try (var reader = new BufferedReader(
                new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    passwords.add(line.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the list of common passwords " + resource, e);
        }
        return Set.copyOf(passwords);
    }
}
