package cn.qualify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every visible string is a message key: each bundle has the same keys in Chinese (the default file) and English,
 * and every {@code #{key}} that a template uses exists.
 */
class I18nPropertiesSyncTests {

    static final Path I18N = Path.of("src/main/resources/i18n");
    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.\\-]+)");

    @Test
    void chineseAndEnglishBundlesHaveTheSameKeys() throws IOException {
        try (Stream<Path> files = Files.list(I18N)) {
            var defaults =
                    files.filter(p -> !p.getFileName().toString().contains("_")).toList();
            assertThat(defaults).isNotEmpty();
            for (Path chinese : defaults) {
                var english = chinese.resolveSibling(
                        chinese.getFileName().toString().replace(".properties", "_en.properties"));
                assertThat(english).as("English twin of " + chinese).exists();
                assertThat(keys(english)).as("keys of " + english).containsExactlyInAnyOrderElementsOf(keys(chinese));
            }
        }
    }

    @Test
    void everyKeyUsedInTemplatesExists() throws IOException {
        Set<String> known = new HashSet<>();
        try (Stream<Path> files = Files.list(I18N)) {
            for (Path file : files.toList()) {
                known.addAll(keys(file));
            }
        }
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> templates = Files.walk(TEMPLATES)) {
            for (Path template :
                    templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                var matcher = TEMPLATE_KEY.matcher(Files.readString(template));
                while (matcher.find()) {
                    if (!known.contains(matcher.group(1))) {
                        missing.add(TEMPLATES.relativize(template) + ": " + matcher.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void chineseBundlesAreReallyChinese() throws IOException {
        var appName = load(I18N.resolve("messages.properties")).getProperty("app.name");
        assertThat(appName).containsPattern("\\p{IsHan}");
    }

    static Set<String> keys(Path file) throws IOException {
        return load(file).stringPropertyNames();
    }

    static Properties load(Path file) throws IOException {
        var properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
