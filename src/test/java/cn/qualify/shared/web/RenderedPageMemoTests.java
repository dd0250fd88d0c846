package cn.qualify.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.web.servlet.View;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/** What the memo keeps, for how long, and what makes it render again, with a view that counts its renderings. */
class RenderedPageMemoTests {

    static final String PAGE = "candidate/materials";

    final List<String> renderings = new ArrayList<>();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    /** A view that writes its model and the number of its rendering, and answers 500 if the model says so. */
    final ThymeleafViewResolver thymeleaf = new ThymeleafViewResolver() {
        @Override
        public View resolveViewName(String viewName, Locale locale) {
            return new View() {
                @Override
                public String getContentType() {
                    return "text/html;charset=UTF-8";
                }

                @Override
                public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
                        throws Exception {
                    renderings.add(viewName);
                    if (model.containsKey("fail")) {
                        response.setStatus(500);
                    }
                    response.setContentType(getContentType());
                    response.getWriter().write(viewName + " " + model + " #" + renderings.size() + " 页");
                }
            };
        }
    };

    RenderedPageMemo memo(int pages) {
        return new RenderedPageMemo(thymeleaf, new RenderedPageMemo.Settings(pages, Set.of(PAGE)), meters);
    }

    @Test
    void anEqualModelOfTheSameSessionIsServedWithoutRendering() throws Exception {
        var memo = memo(10);
        var session = new MockHttpSession();

        var first = render(memo, PAGE, session, "alice", Map.of("page", List.of("a", "b")));
        var second = render(memo, PAGE, session, "alice", Map.of("page", List.of("a", "b")));

        assertThat(renderings).hasSize(1);
        assertThat(second.getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(first.getContentAsString(StandardCharsets.UTF_8))
                .endsWith("#1 页");
        assertThat(second.getContentType()).isEqualTo("text/html;charset=UTF-8");
        assertThat(second.getContentLength()).isEqualTo(first.getContentAsByteArray().length);
        assertThat(meters.counter("qualify.pages.memo", "result", "hit").count())
                .isEqualTo(1);
        assertThat(meters.counter("qualify.pages.memo", "result", "miss").count())
                .isEqualTo(1);
    }

    @Test
    void aChangedModelAnotherSessionPrincipalOrLanguageIsRenderedAnew() throws Exception {
        var memo = memo(10);
        var session = new MockHttpSession();
        render(memo, PAGE, session, "alice", Map.of("page", 1));

        render(memo, PAGE, session, "alice", Map.of("page", 2));
        render(memo, PAGE, new MockHttpSession(), "alice", Map.of("page", 2));
        render(memo, PAGE, session, "bob", Map.of("page", 2));
        var english = new MockHttpServletResponse();
        english.setLocale(Locale.ENGLISH);
        render(memo, PAGE, "/" + PAGE, session, "bob", Map.of("page", 2), english);

        assertThat(renderings).hasSize(5);
    }

    @Test
    void onlyTheNamedViewsOfASignedInSessionAreKept() throws Exception {
        var memo = memo(10);

        assertThat(memo.resolveViewName("candidate/home", Locale.CHINA)).isNull();
        render(memo, PAGE, null, "alice", Map.of());
        render(memo, PAGE, null, "alice", Map.of());
        var session = new MockHttpSession();
        render(memo, PAGE, session, null, Map.of());
        render(memo, PAGE, session, null, Map.of());

        assertThat(renderings).hasSize(4);
        assertThat(memo.rememberedKeys()).isEmpty();
    }

    @Test
    void aFailedRenderingIsNotKept() throws Exception {
        var memo = memo(10);
        var session = new MockHttpSession();

        var failed = render(memo, PAGE, session, "alice", Map.of("fail", true));
        render(memo, PAGE, session, "alice", Map.of("fail", true));

        assertThat(failed.getStatus()).isEqualTo(500);
        assertThat(renderings).hasSize(2);
    }

    @Test
    void theLeastRecentlyUsedSessionLeavesFirst() throws Exception {
        var memo = memo(2);
        var first = new MockHttpSession();
        var second = new MockHttpSession();
        var third = new MockHttpSession();
        render(memo, PAGE, first, "a", Map.of());
        render(memo, PAGE, second, "b", Map.of());
        render(memo, PAGE, first, "a", Map.of());

        render(memo, PAGE, third, "c", Map.of());

        assertThat(memo.rememberedKeys()).containsExactlyInAnyOrder(key(first, PAGE), key(third, PAGE));
        render(memo, PAGE, first, "a", Map.of());
        assertThat(renderings).as("the first session's page was still there").hasSize(3);
    }

    @Test
    void eachAddressOfAViewIsKeptOnItsOwn() throws Exception {
        var memo = memo(10);
        var session = new MockHttpSession();
        render(memo, PAGE, "/candidate/materials/ID_PROOF", session, "alice", Map.of("card", 1));
        render(memo, PAGE, "/candidate/materials/DIPLOMA", session, "alice", Map.of("card", 2));

        render(memo, PAGE, "/candidate/materials/ID_PROOF", session, "alice", Map.of("card", 1));
        render(memo, PAGE, "/candidate/materials/DIPLOMA", session, "alice", Map.of("card", 2));

        assertThat(renderings)
                .as("two cards polled in turn are both served again")
                .hasSize(2);
    }

    @Test
    void noPagesTurnsTheMemoOff() throws Exception {
        assertThat(memo(0).resolveViewName(PAGE, Locale.CHINA)).isNull();
        assertThatThrownBy(() -> new RenderedPageMemo.Settings(-1, Set.of(PAGE)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("qualify.web.page-memo.pages");
    }

    private static String key(MockHttpSession session, String view) {
        return session.getId() + "\n" + view + "\n/" + view;
    }

    private MockHttpServletResponse render(
            RenderedPageMemo memo, String view, MockHttpSession session, String principal, Map<String, ?> model)
            throws Exception {
        return render(memo, view, "/" + view, session, principal, model);
    }

    private MockHttpServletResponse render(
            RenderedPageMemo memo,
            String view,
            String path,
            MockHttpSession session,
            String principal,
            Map<String, ?> model)
            throws Exception {
        var response = new MockHttpServletResponse();
        response.setLocale(Locale.CHINA);
        return render(memo, view, path, session, principal, model, response);
    }

    private MockHttpServletResponse render(
            RenderedPageMemo memo,
            String view,
            String path,
            MockHttpSession session,
            String principal,
            Map<String, ?> model,
            MockHttpServletResponse response)
            throws Exception {
        var request = new MockHttpServletRequest("GET", path);
        request.setSession(session);
        if (principal != null) {
            request.setUserPrincipal(new TestingAuthenticationToken(principal, null));
        }
        memo.resolveViewName(view, response.getLocale()).render(model, request, response);
        return response;
    }
}
