package cn.qualify.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockServletContext;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.context.support.StaticWebApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The indexed lookup picks what Spring's own lookup picks (handler, path variables, pattern, or the same refusal) for
 * paths chosen to be hard: literal beside pattern, multi-segment wildcards that match their own directory,
 * percent-encoding, ambiguity, wrong method or content type; and it asks only the mappings that can match.
 */
class PrefixIndexedHandlerMappingTests {

    @Controller
    static class Routes {

        @GetMapping("/candidate")
        void home() {}

        @PostMapping("/api/v1/candidate/materials/{material}/images")
        void upload(@PathVariable String material) {}

        @GetMapping("/api/v1/candidate/materials/{material}/images")
        void images(@PathVariable String material) {}

        @GetMapping("/api/v1/candidate/materials/PHOTO/images")
        void photoImages() {}

        @DeleteMapping("/api/v1/candidate/images/{id}")
        void delete(@PathVariable String id) {}

        @GetMapping("/review/applications/{id}")
        void application(@PathVariable String id) {}

        @GetMapping("/review/applications/{id}/images/{image}")
        void image(@PathVariable String id, @PathVariable String image) {}

        @GetMapping("/review/applications/export")
        void export() {}

        @GetMapping("/files/{*path}")
        void files(@PathVariable String path) {}

        @GetMapping("/docs/**")
        void docs() {}

        @GetMapping("/twice/{a}")
        void twiceA(@PathVariable String a) {}

        @GetMapping("/twice/{b}")
        void twiceB(@PathVariable String b) {}

        @PostMapping(path = "/forms/{id}", consumes = "application/json")
        void json(@PathVariable String id) {}

        @PostMapping(path = "/forms/{id}", consumes = "multipart/form-data")
        void multipart(@PathVariable String id) {}

        @GetMapping(path = "/reports/{id}", params = "year")
        void report(@PathVariable String id) {}

        @GetMapping("/reports/{id:[0-9]+}")
        void numbered(@PathVariable String id) {}

        @GetMapping("/img/{name}.png")
        void png(@PathVariable String name) {}

        @GetMapping({"/pair/{id}", "/pair/{id}/view", "/pairs/{id}"})
        void pair(@PathVariable String id) {}

        @GetMapping("/a?c/{x}")
        void singleCharacter(@PathVariable String x) {}
    }

    /** Counts the mappings asked to match a request. */
    static class CountingIndexedMapping extends PrefixIndexedHandlerMapping {

        final List<RequestMappingInfo> asked = new ArrayList<>();

        @Override
        protected @Nullable RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
            asked.add(info);
            return super.getMatchingMapping(info, request);
        }
    }

    /** Spring's own lookup, counting the mappings it asks. */
    static class CountingSpringMapping extends RequestMappingHandlerMapping {

        final List<RequestMappingInfo> asked = new ArrayList<>();

        @Override
        protected @Nullable RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
            asked.add(info);
            return super.getMatchingMapping(info, request);
        }
    }

    static final List<String> PATHS = List.of(
            "",
            "/",
            "/candidate",
            "/candidate/",
            "/api/v1/candidate/materials/PROBATION_ASSESSMENT/images",
            "/api/v1/candidate/materials/PHOTO/images",
            "/api/v1/candidate/materials/PH%4FTO/images",
            "/api/v1/candidate/materials/A%2FB/images",
            "/api/v1/candidate/materials/PHOTO/images/",
            "/api/v1/candidate/materials//images",
            "/api/v1/candidate/materials/PHOTO;v=1/images",
            "/API/v1/candidate/materials/PHOTO/images",
            "/api/v1/candidate/images/42",
            "/review/applications/7",
            "/review/applications/7/images/9",
            "/review/applications/export",
            "/review/applications/",
            "/files",
            "/files/",
            "/files/a/b/c.txt",
            "/docs",
            "/docs/x/y",
            "/twice/1",
            "/forms/3",
            "/reports/12",
            "/reports/abc",
            "/img/logo.png",
            "/img/logo.gif",
            "/abc/1",
            "/a/c/1",
            "/pair/1",
            "/pair/1/view",
            "/pairs/1",
            "/nowhere/at/all");

    static final List<String> METHODS = List.of("GET", "POST", "DELETE", "PUT");

    static final List<String> CONTENT_TYPES = List.of("", "application/json", "multipart/form-data; boundary=x");

    StaticWebApplicationContext context;

    @BeforeEach
    void routes() {
        context = new StaticWebApplicationContext();
        context.setServletContext(new MockServletContext());
        context.registerSingleton("routes", Routes.class);
        context.refresh();
    }

    @Test
    void everyRequestIsAnsweredAsSpringsOwnLookupAnswersIt() throws Exception {
        var spring = mapping(new RequestMappingHandlerMapping(), true);
        var indexed = mapping(new CountingIndexedMapping(), true);
        int compared = 0;
        for (var path : PATHS) {
            for (var method : METHODS) {
                for (var contentType : CONTENT_TYPES) {
                    for (var query : List.of("", "year=2025")) {
                        assertThat(choice(indexed, method, path, contentType, query))
                                .as("%s %s?%s (%s)", method, path, query, contentType)
                                .isEqualTo(choice(spring, method, path, contentType, query));
                        compared++;
                    }
                }
            }
        }
        assertThat(compared).isEqualTo(PATHS.size() * METHODS.size() * CONTENT_TYPES.size() * 2);
    }

    @Test
    void aPathWithAVariableIsMatchedOnlyAgainstTheMappingsThatShareItsBeginning() throws Exception {
        var indexed = (CountingIndexedMapping) mapping(new CountingIndexedMapping(), true);
        var spring = (CountingSpringMapping) mapping(new CountingSpringMapping(), true);

        assertThat(choice(indexed, "POST", "/api/v1/candidate/materials/PROBATION_ASSESSMENT/images", "", ""))
                .startsWith("upload ");
        assertThat(choice(spring, "POST", "/api/v1/candidate/materials/PROBATION_ASSESSMENT/images", "", ""))
                .startsWith("upload ");

        // the two patterns under /api/v1/candidate/materials/, and the three indexed under / (those whose first
        // segment has a wildcard, or that match their own directory); not the literal /candidate
        assertThat(indexed.asked).hasSize(5);
        assertThat(spring.asked).hasSize(indexed.getHandlerMethods().size());
    }

    @Test
    void patternsThatAreNotCaseSensitiveAreLeftToSpring() throws Exception {
        var parser = new PathPatternParser();
        parser.setCaseSensitive(false);
        var spring = new RequestMappingHandlerMapping();
        spring.setPatternParser(parser);
        var indexed = new CountingIndexedMapping();
        indexed.setPatternParser(parser);
        mapping(spring, false);
        mapping(indexed, false);

        var upload = "/API/V1/candidate/materials/PHOTO/images";
        var chosen = choice(indexed, "POST", upload, "", "");
        assertThat(chosen).startsWith("upload ").isEqualTo(choice(spring, "POST", upload, "", ""));
        assertThat(indexed.asked).hasSize(indexed.getHandlerMethods().size());
    }

    @Test
    void theLiteralBeginningOfAPatternEndsBeforeTheSegmentOfItsFirstVariableOrWildcard() {
        assertThat(PrefixIndexedHandlerMapping.Index.literalPrefix("/api/v1/candidate/materials/{material}/images"))
                .isEqualTo("/api/v1/candidate/materials/");
        assertThat(PrefixIndexedHandlerMapping.Index.literalPrefix("/img/{name}.png"))
                .isEqualTo("/img/");
        assertThat(PrefixIndexedHandlerMapping.Index.literalPrefix("/a?c/{x}")).isEqualTo("/");
        assertThat(PrefixIndexedHandlerMapping.Index.literalPrefix("/candidate"))
                .isEqualTo("/candidate/");
        assertThat(PrefixIndexedHandlerMapping.Index.literalPrefix("/")).isEqualTo("/");
        assertThat(PrefixIndexedHandlerMapping.Index.literalPrefix("/review/")).isEqualTo("/review/");
        assertThat(PrefixIndexedHandlerMapping.Index.literalPrefix("/files/{*path}"))
                .isEqualTo("/");
        assertThat(PrefixIndexedHandlerMapping.Index.literalPrefix("/webjars/**"))
                .isEqualTo("/");
        assertThat(PrefixIndexedHandlerMapping.Index.literalPrefix("/a/b/**")).isEqualTo("/a/");
        assertThat(PrefixIndexedHandlerMapping.Index.literalPrefix("relative/{x}"))
                .isNull();
    }

    private RequestMappingHandlerMapping mapping(RequestMappingHandlerMapping mapping, boolean defaultParser) {
        if (defaultParser) {
            mapping.setPatternParser(new PathPatternParser());
        }
        mapping.setApplicationContext(context);
        mapping.afterPropertiesSet();
        return mapping;
    }

    /** The handler method, its path variables and pattern; or the refusal's type; or "none". */
    static String choice(HandlerMapping mapping, String method, String path, String contentType, String query) {
        var request = new MockHttpServletRequest(method, path);
        if (!contentType.isEmpty()) {
            request.setContentType(contentType);
        }
        if (!query.isEmpty()) {
            request.setQueryString(query);
            var pair = query.split("=");
            request.addParameter(pair[0], pair[1]);
        }
        ServletRequestPathUtils.parseAndCache(request);
        try {
            var chain = mapping.getHandler(request);
            if (chain == null) {
                return "none";
            }
            return ((HandlerMethod) chain.getHandler()).getMethod().getName() + " "
                    + request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) + " "
                    + request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        } catch (Exception refused) {
            return refused.getClass().getSimpleName();
        }
    }
}
