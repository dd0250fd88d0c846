package cn.qualify.identity;

import java.time.Clock;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * What a refused log-in is told. Unknown names and wrong passwords share one message; a throttled attempt says
 * how long to wait.
 */
@Component
class LoginFailures {

    private final Clock clock;

    LoginFailures(Clock clock) {
        this.clock = clock;
    }

    MessageSourceResolvable messageFor(AuthenticationException failure) {
        if (failure instanceof LoginThrottledException throttled) {
            var block = throttled.block();
            String code =
                    block.kind() == LoginThrottle.Kind.NAME ? "identity.login.locked" : "identity.login.addressLocked";
            return new DefaultMessageSourceResolvable(
                    new String[] {code}, new Object[] {block.minutesLeft(clock.instant())});
        }
        if (failure instanceof DisabledException) {
            return new DefaultMessageSourceResolvable("identity.login.disabled");
        }
        return new DefaultMessageSourceResolvable("identity.login.failed");
    }

    /** Seconds until a throttled attempt may be tried again, for a {@code Retry-After} header; 0 if not throttled. */
    long retryAfterSeconds(AuthenticationException failure) {
        if (failure instanceof LoginThrottledException throttled) {
            return throttled.block().minutesLeft(clock.instant()) * 60;
        }
        return 0;
    }
}
