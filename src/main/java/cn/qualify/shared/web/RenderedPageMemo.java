package cn.qualify.shared.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * Serves a page again without rendering it when nothing it shows has changed: for each session it remembers the
 * last rendering of each of the named views together with everything that rendering was made from, and a request
 * whose inputs are equal gets the same bytes. Candidates refresh their upload page over and over before a deadline,
 * and rendering is more than half of what such a refresh costs the server (docs/performance.md, status storm).
 *
 * <p>Nothing is skipped but the rendering: the controller still reads everything and builds the model, so a page is
 * never older than its data. The inputs compared are the view's name, the model (the named views' models are made
 * of records, whose equality is that of their values), the locale, the request's path and query, the signed-in
 * principal and the session. The session stands for what else the page frame shows of it: its CSRF token, which
 * Spring Security replaces only together with the session's id (at log-in) or the session itself (at log-out). A
 * value without equality of its own only makes the page render every time.
 *
 * <p>Personal pages stay in the memory of the node that rendered them, never in a shared cache: at most {@code
 * pages} entries (one for each session, view and address), the least recently used leaving first.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RenderedPageMemo.Settings.class)
class RenderedPageMemo implements ViewResolver, Ordered {

    private final ThymeleafViewResolver thymeleaf;
    private final Settings settings;
    private final Map<String, Rendering> renderings;
    private final Counter hits;
    private final Counter misses;

    RenderedPageMemo(ThymeleafViewResolver thymeleaf, Settings settings, MeterRegistry meters) {
        this.thymeleaf = thymeleaf;
        this.settings = settings;
        this.renderings = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Rendering> eldest) {
                return size() > settings.pages();
            }
        };
        this.hits = Counter.builder("qualify.pages.memo")
                .tag("result", "hit")
                .description("Pages served from their last rendering, since nothing they show had changed")
                .register(meters);
        this.misses = Counter.builder("qualify.pages.memo")
                .tag("result", "miss")
                .description("Pages of a memoized view rendered anew")
                .register(meters);
    }

    /**
     * Before Thymeleaf's own resolver (the content negotiating resolver asks every resolver in order and takes the
     * first view that fits), for the named views only.
     */
    @Override
    public int getOrder() {
        return thymeleaf.getOrder() - 1;
    }

    @Override
    public View resolveViewName(String viewName, Locale locale) throws Exception {
        if (settings.pages() <= 0 || !settings.views().contains(viewName)) {
            return null;
        }
        var view = thymeleaf.resolveViewName(viewName, locale);
        return view == null ? null : new MemoizedView(viewName, view);
    }

    /**
     * The memo's settings.
     *
     * @param pages how many renderings are kept (default 1,000, about 30 KB each); 0 turns the memo off
     * @param views the view names whose renderings are kept
     */
    @ConfigurationProperties("qualify.web.page-memo")
    record Settings(
            @DefaultValue("1000") int pages, @DefaultValue Set<String> views) {

        Settings {
            if (pages < 0) {
                throw new IllegalArgumentException("qualify.web.page-memo.pages must not be negative");
            }
            views = Set.copyOf(views);
        }
    }

    /**
     * What a rendering was made from besides its session, view and address, which find it; two renderings found
     * under one key with equal inputs are the same page.
     */
    private record Inputs(String principal, Locale locale, String query, Map<String, Object> model) {}

    private record Rendering(Inputs inputs, String contentType, byte[] body) {}

    private final class MemoizedView implements View {

        private final String viewName;
        private final View delegate;

        MemoizedView(String viewName, View delegate) {
            this.viewName = viewName;
            this.delegate = delegate;
        }

        @Override
        public String getContentType() {
            return delegate.getContentType();
        }

        @Override
        public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
                throws Exception {
            var session = request.getSession(false);
            Principal principal = request.getUserPrincipal();
            if (session == null || principal == null) {
                delegate.render(model, request, response);
                return;
            }
            // One entry per address: htmx polls each material's card at its own address while its checks run.
            var key = session.getId() + '\n' + viewName + '\n' + request.getRequestURI();
            var inputs = new Inputs(
                    principal.getName(),
                    response.getLocale(),
                    request.getQueryString(),
                    model == null ? Map.of() : new LinkedHashMap<>(model));
            var remembered = remembered(key);
            if (remembered != null && remembered.inputs().equals(inputs)) {
                hits.increment();
                response.setContentType(remembered.contentType());
                response.setContentLength(remembered.body().length);
                response.getOutputStream().write(remembered.body());
                return;
            }
            misses.increment();
            var captured = new ContentCachingResponseWrapper(response);
            delegate.render(model, request, captured);
            if (captured.getStatus() == HttpStatus.OK.value() && captured.getContentType() != null) {
                remember(key, new Rendering(inputs, captured.getContentType(), captured.getContentAsByteArray()));
            } else {
                forget(key);
            }
            captured.copyBodyToResponse();
        }
    }

    private Rendering remembered(String key) {
        synchronized (renderings) {
            return renderings.get(key);
        }
    }

    private void remember(String key, Rendering rendering) {
        synchronized (renderings) {
            renderings.put(key, rendering);
        }
    }

    private void forget(String key) {
        synchronized (renderings) {
            renderings.remove(key);
        }
    }

    /** The session, view and address of each page kept, for tests. */
    List<String> rememberedKeys() {
        synchronized (renderings) {
            return List.copyOf(renderings.keySet());
        }
    }
}
