package cn.qualify.identity;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Names of people as typed on identity documents: letters of any script, with spaces, the middle dot of
 * transcribed names (·, also typed as • or ・), hyphens, apostrophes and full stops between them; 1 to 50
 * characters.
 */
final class PersonNames {

    static final int MAX_LENGTH = 50;
    private static final Pattern NAME = Pattern.compile("\\p{L}[\\p{L}\\p{M} ·•・.'\\-]*");

    private PersonNames() {}

    static String normalise(String raw) {
        return raw == null
                ? ""
                : raw.strip().replaceAll("\\s+", " ").replace('•', '·').replace('・', '·');
    }

    /** The message key of the first rule the (normalised) name breaks, if any. */
    static Optional<String> violation(String name) {
        if (name.isEmpty()) {
            return Optional.of("identity.name.required");
        }
        if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
            return Optional.of("identity.name.tooLong");
        }
        if (!NAME.matcher(name).matches()) {
            return Optional.of("identity.name.invalid");
        }
        return Optional.empty();
    }
}
