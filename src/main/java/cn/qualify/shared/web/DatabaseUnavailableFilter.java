package cn.qualify.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * When the database cannot be reached (restarted, failed over, network down), every request fails the same clean
 * way instead of with a 500: {@code 503 Service Unavailable} with {@code Retry-After}, a problem detail for the
 * API and a short page for browsers, in the user's language, with no stack trace. Nothing is kept broken: the
 * connection pool replaces dead connections, so requests succeed again as soon as the database is back, without
 * restarting Qualify.
 *
 * <p>Outermost filter, so that it also sees failures of the session store (Spring Session JDBC), which reads and
 * writes the database on every request. It answers by itself, without the error page, which would need a session.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseUnavailableFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);
    private static final String RETRY_AFTER_SECONDS = "30";

    private final MessageSource messages;

    DatabaseUnavailableFilter(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (!databaseUnreachable(e)) {
                throw e;
            }
            log.warn(
                    "Database unreachable, answered 503: {} {} ({})",
                    request.getMethod(),
                    request.getRequestURI(),
                    rootMessage(e));
            if (response.isCommitted()) {
                return;
            }
            answer(request, response);
        }
    }

    static boolean databaseUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SQLRecoverableException
                    || (t instanceof java.sql.SQLException sql
                            && sql.getSQLState() != null
                            // 08: connection exception; 57P01-57P03: PostgreSQL shutting down or starting up
                            && (sql.getSQLState().startsWith("08")
                                    || sql.getSQLState().startsWith("57P")))) {
                return true;
            }
        }
        return false;
    }

    private void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Locale locale = locale(request);
        String title = messages.getMessage("error.503.title", null, locale);
        String detail = messages.getMessage("error.503", null, locale);
        response.resetBuffer();
        response.setStatus(503);
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        response.setHeader("Cache-Control", "no-store");
        response.setCharacterEncoding("UTF-8");
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setContentType("application/problem+json");
            response.getWriter()
                    .write("{\"type\":\"about:blank\",\"title\":\"" + json(title) + "\",\"status\":503,\"detail\":\""
                            + json(detail) + "\",\"instance\":\"" + json(request.getRequestURI()) + "\"}");
        } else {
            response.setContentType("text/html");
            response.getWriter()
                    .write("<!DOCTYPE html><html lang=\""
                            + (locale.getLanguage().equals("en") ? "en" : "zh-CN")
                            + "\"><head><meta charset=\"utf-8\"><title>" + HtmlUtils.htmlEscape(title)
                            + "</title><link rel=\"stylesheet\" href=\"" + request.getContextPath()
                            + "/css/qualify.css\"></head><body><main id=\"main\"><h1>" + HtmlUtils.htmlEscape(title)
                            + "</h1><p>" + HtmlUtils.htmlEscape(detail) + "</p></main></body></html>");
        }
        response.flushBuffer();
    }

    /** The language the user chose (cookie {@code QUALIFY_LANG} or {@code ?lang=}), Chinese otherwise. */
    private static Locale locale(HttpServletRequest request) {
        if ("en".equals(request.getParameter("lang"))) {
            return Locale.ENGLISH;
        }
        if (request.getCookies() != null) {
            for (var cookie : request.getCookies()) {
                if (cookie.getName().equals("QUALIFY_LANG") && cookie.getValue().startsWith("en")) {
                    return Locale.ENGLISH;
                }
            }
        }
        return Locale.SIMPLIFIED_CHINESE;
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
