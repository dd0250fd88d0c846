package cn.qualify.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes RFC 9457 problem details from inside the security filter chain, where the MVC exception handlers do not
 * reach: the API answers 401 and 403 with JSON, never with a redirect to the log-in page.
 */
@Component
class ApiProblems {

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final JsonMapper json;

    ApiProblems(MessageSource messages, LocaleResolver locales, JsonMapper json) {
        this.messages = messages;
        this.locales = locales;
        this.json = json;
    }

    void write(
            HttpServletRequest request,
            HttpServletResponse response,
            int status,
            String titleCode,
            MessageSourceResolvable detail)
            throws IOException {
        var locale = locales.resolveLocale(request);
        var body = new LinkedHashMap<String, Object>();
        body.put("type", "about:blank");
        body.put("title", messages.getMessage(titleCode, null, locale));
        body.put("status", status);
        body.put("detail", messages.getMessage(detail, locale));
        body.put("instance", request.getRequestURI());
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(body));
    }
}
