package cn.qualify.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's mapping of {@code @RequestMapping} methods, which finds the handler of a path with a variable (an
 * upload's {@code /api/v1/candidate/materials/{material}/images}, a reviewer's application) without trying every
 * mapping of the application.
 *
 * <p>Spring looks a path up in a map when some mapping names it literally; otherwise it matches the request against
 * each of the application's mappings (160 of them, each checking method, path and headers on a request wrapped ten
 * times by filters), which was a tenth of an upload's request thread (docs/performance.md). Here every mapping is
 * indexed by the literal beginning of each of its patterns, up to the last {@code /} before the first variable or
 * wildcard; a path is only tried against the mappings indexed under one of its own beginnings, since no other
 * mapping can match it. Those are matched, ranked and checked for ambiguity as Spring does.
 *
 * <p>Spring's own lookup still answers whatever this index cannot decide alike: a path that some mapping names
 * literally, a path with percent-encoding (a pattern matches decoded segments), a CORS pre-flight request, a request
 * that none of the indexed mappings matches (so 404, 405, 406 and 415 are Spring's), and every lookup when the
 * patterns are not case-sensitive or are not parsed {@link PathPattern}s.
 */
class PrefixIndexedHandlerMapping extends RequestMappingHandlerMapping {

    /** Built on the first lookup after the mappings changed. */
    private volatile @Nullable Index index;

    @Override
    public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
        super.registerMapping(mapping, handler, method);
        index = null;
    }

    @Override
    public void unregisterMapping(RequestMappingInfo mapping) {
        super.unregisterMapping(mapping);
        index = null;
    }

    @Override
    protected @Nullable HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request)
            throws Exception {
        var current = index;
        if (current == null) {
            current = index = Index.of(getHandlerMethods(), isCaseSensitive());
        }
        if (!current.usable()
                || current.directPaths().contains(lookupPath)
                || lookupPath.indexOf('%') >= 0
                || CorsUtils.isPreFlightRequest(request)) {
            return super.lookupHandlerMethod(lookupPath, request);
        }
        var best = bestMatch(current.candidates(lookupPath), request);
        if (best == null) {
            return super.lookupHandlerMethod(lookupPath, request);
        }
        request.setAttribute(BEST_MATCHING_HANDLER_ATTRIBUTE, best.handlerMethod());
        handleMatch(best.mapping(), lookupPath, request);
        return best.handlerMethod();
    }

    private boolean isCaseSensitive() {
        var parser = getPatternParser();
        return parser != null && parser.isCaseSensitive();
    }

    private record Match(RequestMappingInfo mapping, HandlerMethod handlerMethod) {}

    private @Nullable Match bestMatch(
            List<Map.Entry<RequestMappingInfo, HandlerMethod>> candidates, HttpServletRequest request) {
        List<Match> matches = new ArrayList<>(2);
        for (var candidate : candidates) {
            var match = getMatchingMapping(candidate.getKey(), request);
            if (match != null) {
                matches.add(new Match(match, candidate.getValue()));
            }
        }
        if (matches.isEmpty()) {
            return null;
        }
        if (matches.size() > 1) {
            Comparator<RequestMappingInfo> mappings = getMappingComparator(request);
            Comparator<Match> comparator = (a, b) -> mappings.compare(a.mapping(), b.mapping());
            matches.sort(comparator);
            if (comparator.compare(matches.get(0), matches.get(1)) == 0) {
                throw new IllegalStateException("Ambiguous handler methods mapped for '" + request.getRequestURI()
                        + "': {" + matches.get(0).handlerMethod().getMethod() + ", "
                        + matches.get(1).handlerMethod().getMethod() + "}");
            }
        }
        return matches.get(0);
    }

    /**
     * The mappings by the literal beginnings of their patterns, and the paths some mapping names literally.
     *
     * @param usable false when a mapping's patterns cannot be indexed by their literal text
     */
    record Index(
            Map<String, List<Map.Entry<RequestMappingInfo, HandlerMethod>>> byPrefix,
            Set<String> directPaths,
            boolean usable) {

        static Index of(Map<RequestMappingInfo, HandlerMethod> handlerMethods, boolean caseSensitive) {
            var byPrefix = new HashMap<String, List<Map.Entry<RequestMappingInfo, HandlerMethod>>>();
            var directPaths = new HashSet<String>();
            boolean usable = caseSensitive;
            for (var entry : handlerMethods.entrySet()) {
                var patterns = entry.getKey().getPathPatternsCondition();
                if (patterns == null) {
                    usable = false;
                    continue;
                }
                directPaths.addAll(patterns.getDirectPaths());
                var mapping = Map.entry(entry.getKey(), entry.getValue());
                for (var pattern : patterns.getPatterns()) {
                    var prefix = literalPrefix(pattern.getPatternString());
                    if (prefix == null) {
                        usable = false;
                    } else {
                        byPrefix.computeIfAbsent(prefix, p -> new ArrayList<>()).add(mapping);
                    }
                }
            }
            return new Index(byPrefix, directPaths, usable);
        }

        /**
         * The pattern's text up to and including the last {@code /} before the segment of its first variable or
         * wildcard, one segment less when the pattern has a variable or wildcard that can match no segment at all
         * ({@code /files/**} and {@code /files/{*path}} match {@code /files}); null if it does not start with
         * {@code /}. A literal pattern is indexed under its own path followed by {@code /}: the only other path it
         * can match is that one, where trailing slashes are matched (its own is one Spring finds in its map), so
         * that it is not tried for every path of its directory.
         */
        static @Nullable String literalPrefix(String pattern) {
            if (!pattern.startsWith("/")) {
                return null;
            }
            int special = pattern.length();
            for (int i = 0; i < pattern.length(); i++) {
                char c = pattern.charAt(i);
                if (c == '{' || c == '*' || c == '?') {
                    special = i;
                    break;
                }
            }
            if (special == pattern.length()) {
                return pattern.endsWith("/") ? pattern : pattern + "/";
            }
            int cut = pattern.lastIndexOf('/', special - 1);
            if ((pattern.contains("**") || pattern.contains("{*")) && cut > 0) {
                cut = pattern.lastIndexOf('/', cut - 1);
            }
            return pattern.substring(0, cut + 1);
        }

        /**
         * The mappings indexed under the path's beginnings up to each of its {@code /}, each once (a mapping with
         * several patterns may be under several; the lists are short, so they are compared by identity).
         */
        List<Map.Entry<RequestMappingInfo, HandlerMethod>> candidates(String path) {
            var candidates = new ArrayList<Map.Entry<RequestMappingInfo, HandlerMethod>>();
            for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
                var mappings = byPrefix.get(path.substring(0, slash + 1));
                if (mappings != null) {
                    for (var mapping : mappings) {
                        if (candidates.stream().noneMatch(known -> known == mapping)) {
                            candidates.add(mapping);
                        }
                    }
                }
            }
            return candidates;
        }
    }
}
