package cn.qualify.policy;

import java.util.Locale;
import java.util.Objects;

/**
 * A text of the policy in Chinese (the default) and English.
 *
 * @param zh Chinese text, always present
 * @param en English text, always present
 */
public record LocalizedText(String zh, String en) {

    public LocalizedText {
        Objects.requireNonNull(zh, "zh");
        Objects.requireNonNull(en, "en");
    }

    /** The English text for an English locale, the Chinese text for any other. */
    public String in(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? en : zh;
    }
}
