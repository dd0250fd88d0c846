package cn.qualify.identity;

import java.util.Locale;

/** Login names are compared ignoring case and surrounding white space; this is the form they are compared in. */
final class LoginNames {

    private LoginNames() {}

    static String key(String loginName) {
        return loginName == null ? "" : loginName.strip().toLowerCase(Locale.ROOT);
    }
}
