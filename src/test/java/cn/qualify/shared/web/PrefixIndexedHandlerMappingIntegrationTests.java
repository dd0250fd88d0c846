package cn.qualify.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Over the application's own mappings, the indexed lookup answers every request made from one of their patterns as
 * Spring's own lookup over the same mappings does. The same context as {@code ApplicationSmokeTests}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
class PrefixIndexedHandlerMappingIntegrationTests {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Autowired
    ApplicationContext context;

    @Test
    void everyPathOfEveryMappingFindsTheHandlerSpringsOwnLookupFinds() {
        assertThat(mapping).isInstanceOf(PrefixIndexedHandlerMapping.class);
        var spring = new RequestMappingHandlerMapping();
        spring.setApplicationContext(context);
        spring.setPatternParser(mapping.getPatternParser());
        mapping.getHandlerMethods()
                .forEach((info, handler) -> spring.registerMapping(info, handler.getBean(), handler.getMethod()));
        assertThat(spring.getHandlerMethods()).hasSameSizeAs(mapping.getHandlerMethods());

        var paths = new LinkedHashSet<String>();
        mapping.getHandlerMethods()
                .keySet()
                .forEach(info -> info.getPathPatternsCondition()
                        .getPatterns()
                        .forEach(pattern -> paths.addAll(examples(pattern.getPatternString()))));
        paths.addAll(List.of("/", "/nowhere", "/candidate/nowhere/at/all", "/api/v1/candidate/materials/PHOTO"));

        int found = 0;
        for (var path : paths) {
            for (var method : List.of("GET", "POST", "PUT", "DELETE")) {
                for (var contentType : List.of("", "application/json", "multipart/form-data; boundary=x")) {
                    var chosen = PrefixIndexedHandlerMappingTests.choice(mapping, method, path, contentType, "");
                    assertThat(chosen)
                            .as("%s %s (%s)", method, path, contentType)
                            .isEqualTo(PrefixIndexedHandlerMappingTests.choice(spring, method, path, contentType, ""));
                    if (!chosen.equals("none") && !chosen.startsWith("Http")) {
                        found++;
                    }
                }
            }
        }
        // most of the paths reach a handler by some method, so the comparison is not one of refusals only
        assertThat(found).isGreaterThan(paths.size());
    }

    /** Paths the pattern matches, each variable and wildcard filled in with a few values. */
    static Set<String> examples(String pattern) {
        var examples = new LinkedHashSet<String>();
        for (var value : List.of("1", "PROBATION_ASSESSMENT", "b0c4e0f2-2f3a-4c1d-9e61-0a2f3c4d5e6f")) {
            examples.add(pattern.replaceAll("\\{\\*[^}]+}", "a/" + value)
                    .replace("**", "a/" + value)
                    .replaceAll("\\{[^}]+}", value)
                    .replace("*", value)
                    .replace("?", "x"));
        }
        return examples;
    }
}
