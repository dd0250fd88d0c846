package cn.qualify.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.MessageSource;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/** Back to the log-in page with the reason in the user's language and the name they typed, after a redirect. */
@Component
class LoginFailureHandler implements AuthenticationFailureHandler {

    private final LoginFailures failures;
    private final MessageSource messages;
    private final LocaleResolver locales;
    private final SessionFlashMapManager flashMaps = new SessionFlashMapManager();

    LoginFailureHandler(LoginFailures failures, MessageSource messages, LocaleResolver locales) {
        this.failures = failures;
        this.messages = messages;
        this.locales = locales;
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        var flash = new FlashMap();
        flash.put("loginError", messages.getMessage(failures.messageFor(exception), locales.resolveLocale(request)));
        String username = request.getParameter("username");
        if (username != null && username.length() <= 64) {
            flash.put("username", username.strip());
        }
        flash.setTargetRequestPath(request.getContextPath() + "/login");
        flashMaps.saveOutputFlashMap(flash, request, response);
        response.sendRedirect(request.getContextPath() + "/login?error");
    }
}
