package cn.qualify.identity;

import org.springframework.security.core.AuthenticationException;

/** A log-in refused without looking at the password, because its name or address has failed too often. */
class LoginThrottledException extends AuthenticationException {

    private final LoginThrottle.Block block;

    LoginThrottledException(LoginThrottle.Block block) {
        super("Too many failed log-ins (" + block.kind() + ") until " + block.until());
        this.block = block;
    }

    LoginThrottle.Block block() {
        return block;
    }
}
