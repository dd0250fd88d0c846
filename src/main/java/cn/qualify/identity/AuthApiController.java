package cn.qualify.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Log-in for API clients, with the same session, CSRF and throttling rules as the page. A client first gets a CSRF
 * token ({@code GET /csrf}, which also starts the session), then logs in sending it in the {@code X-CSRF-TOKEN}
 * header; the answer carries the new session's cookie and a fresh token for the calls that follow.
 */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Authentication", description = "Log-in for API clients with the page's session, CSRF and throttling rules")
class AuthApiController {

    record LoginRequest(String loginName, String password) {}

    record CsrfTokenView(String headerName, String parameterName, String token) {
        static CsrfTokenView of(CsrfToken token) {
            return new CsrfTokenView(token.getHeaderName(), token.getParameterName(), token.getToken());
        }
    }

    record SignedIn(Account account, CsrfTokenView csrf) {}

    private final AccountAuthenticationProvider authentication;
    private final LoginFailures failures;
    private final CurrentAccount currentAccount;
    private final MessageSource messages;
    private final SessionAuthenticationStrategy sessionStrategy;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
    private final WebAuthenticationDetailsSource details = new WebAuthenticationDetailsSource();

    AuthApiController(
            AccountAuthenticationProvider authentication,
            LoginFailures failures,
            CurrentAccount currentAccount,
            MessageSource messages,
            CsrfTokenRepository csrfTokens) {
        this.authentication = authentication;
        this.failures = failures;
        this.currentAccount = currentAccount;
        this.messages = messages;
        this.sessionStrategy = new CompositeSessionAuthenticationStrategy(
                List.of(new ChangeSessionIdAuthenticationStrategy(), new CsrfAuthenticationStrategy(csrfTokens)));
    }

    /** The CSRF token to send in the {@code X-CSRF-TOKEN} header of every state-changing call. */
    @Operation(summary = "A CSRF token for the X-CSRF-TOKEN header; starts the session")
    @GetMapping("/csrf")
    CsrfTokenView csrf(CsrfToken token) {
        return CsrfTokenView.of(token);
    }

    /**
     * Logs in with a login name (identity document number or user name) and password. 200 with the account and a
     * new CSRF token; 401 for a wrong name or password (one message for both); 429 with {@code Retry-After} while
     * throttled; 403 for a disabled account.
     */
    @Operation(summary = "Log in with a login name (ID document number or user name) and password")
    @ApiResponse(responseCode = "200", description = "The account and a new CSRF token; the session cookie changes")
    @ApiResponse(
            responseCode = "401",
            description = "Wrong login name or password (one message for both)",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "403",
            description = "The account is disabled",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "429",
            description = "Too many failures; Retry-After says when to try again",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @PostMapping("/login")
    ResponseEntity<?> login(@RequestBody LoginRequest body, HttpServletRequest request, HttpServletResponse response) {
        var attempt = UsernamePasswordAuthenticationToken.unauthenticated(
                body.loginName() == null ? "" : body.loginName(), body.password() == null ? "" : body.password());
        attempt.setDetails(details.buildDetails(request));
        try {
            var result = authentication.authenticate(attempt);
            sessionStrategy.onAuthentication(result, request, response);
            var context = holder.createEmptyContext();
            context.setAuthentication(result);
            holder.setContext(context);
            contexts.saveContext(context, request, response);
            var account = currentAccount.get().orElseThrow();
            var token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
            return ResponseEntity.ok(new SignedIn(account, CsrfTokenView.of(token)));
        } catch (AuthenticationException failure) {
            var status = failure instanceof LoginThrottledException
                    ? HttpStatus.TOO_MANY_REQUESTS
                    : failure instanceof DisabledException ? HttpStatus.FORBIDDEN : HttpStatus.UNAUTHORIZED;
            var locale = LocaleContextHolder.getLocale();
            var problem = ProblemDetail.forStatus(status);
            problem.setTitle(messages.getMessage("identity.login.refused.title", null, locale));
            problem.setDetail(messages.getMessage(failures.messageFor(failure), locale));
            var answer = ResponseEntity.status(status);
            long retryAfter = failures.retryAfterSeconds(failure);
            if (retryAfter > 0) {
                answer.header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
            }
            return answer.body(problem);
        }
    }

    /** Ends the session on the server. 204 whether or not anybody was logged in. */
    @Operation(summary = "End the session on the server")
    @ApiResponse(responseCode = "204", description = "Logged out, whether or not anybody was logged in")
    @PostMapping("/logout")
    ResponseEntity<Void> logout(HttpServletRequest request, HttpServletResponse response) {
        new SecurityContextLogoutHandler()
                .logout(request, response, holder.getContext().getAuthentication());
        return ResponseEntity.noContent().build();
    }

    /** The logged-in account; 401 for anonymous callers. */
    @Operation(summary = "The logged-in account")
    @ApiResponse(responseCode = "200", description = "The account")
    @ApiResponse(
            responseCode = "401",
            description = "Not logged in",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @GetMapping("/me")
    Account me(Account account) {
        return account;
    }
}
