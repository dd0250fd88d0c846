package cn.qualify.candidate;

import cn.qualify.exam.ExamYears;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Refuses an upload whose declared length already exceeds the exam year's image limit (plus room for the
 * multipart framing) before anything reads the body: 413 for API clients, back to the upload page with an
 * explanation for the form. Uploads without a declared length are bounded by the multipart limits and then
 * judged exactly by the image intake.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class UploadSizeFilter extends OncePerRequestFilter {

    /** Multipart boundaries and part headers; generous, the intake judges the file itself to the byte. */
    static final long FRAMING_ALLOWANCE = 16 * 1024;

    private static final Pattern UPLOAD = Pattern.compile("^(/api/v1)?/candidate/materials/[A-Z_]+/images$");

    private final ExamYears examYears;
    private final MessageSource messages;

    UploadSizeFilter(ExamYears examYears, MessageSource messages) {
        this.examYears = examYears;
        this.messages = messages;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !UPLOAD.matcher(request.getRequestURI()
                                .substring(request.getContextPath().length()))
                        .matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        long maxImageBytes =
                examYears.current().map(year -> year.maxImageBytes()).orElse(204_800L);
        if (declared > maxImageBytes + FRAMING_ALLOWANCE) {
            refuse(request, response, maxImageBytes);
            return;
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, long maxImageBytes)
            throws IOException {
        // The connection cannot be reused once the body is left unread.
        response.setHeader("Connection", "close");
        if (request.getRequestURI().contains("/api/")) {
            Locale locale = RequestContextUtils.getLocale(request);
            var detail =
                    messages.getMessage("candidate.upload.bodyTooLarge", new Object[] {maxImageBytes / 1024}, locale);
            response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            response.setContentType("application/problem+json;charset=UTF-8");
            response.getWriter()
                    .write("{\"type\":\"about:blank\",\"title\":\"Payload Too Large\",\"status\":413,\"detail\":\""
                            + detail.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
        } else {
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", request.getContextPath() + "/candidate/materials?tooLarge");
        }
    }
}
