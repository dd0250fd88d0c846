package cn.qualify.identity;

/**
 * The id of the logged-in account, as a controller parameter: taken from the session, without reading the account.
 * For the requests a candidate repeats most at the deadline peak (an upload, the upload page), which need the account
 * for nothing but its id. An account that is disabled or whose password is reset has its sessions ended, so a
 * session still carries only the id of an account that may use it. Declare {@link Account} to get the account itself.
 *
 * @param value the id of {@link Account#id()}
 */
public record AccountId(long value) {}
