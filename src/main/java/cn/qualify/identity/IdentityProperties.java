package cn.qualify.identity;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the identity module, under {@code qualify.identity}.
 *
 * @param maxFailuresPerName failed log-ins in a row after which a login name waits {@code lockDuration}
 * @param lockDuration how long a login name or client address waits once it reached its limit
 * @param maxFailuresPerAddress failed log-ins from one client address within {@code addressWindow}, after which
 *     the address waits {@code lockDuration}
 * @param addressWindow the period over which the failures of one client address are counted
 * @param codeValidity how long a phone verification code may be used
 * @param codeMaxAttempts wrong entries after which a phone verification code is void
 * @param codeResendInterval the least time between two codes to the same phone
 * @param codeMaxSendsPerHour codes to the same phone per hour
 * @param absoluteSessionTimeout how long a log-in lasts at most, however busy its session (the idle timeout is
 *     {@code spring.session.timeout})
 * @param maxUploadsPerAccount uploads one account may send within {@code uploadWindow}; more are answered 429
 * @param uploadWindow the period over which uploads are counted
 * @param maxCodeRequestsPerAddress requests for phone verification codes from one client address within an hour,
 *     whatever the phone numbers; more are answered 429
 * @param metricsToken when set, {@code /actuator/prometheus} also accepts {@code Authorization: Bearer <token>}
 *     (for a scraper); otherwise only administrators read it
 */
@ConfigurationProperties("qualify.identity")
record IdentityProperties(
        @DefaultValue("5") int maxFailuresPerName,
        @DefaultValue("15m") Duration lockDuration,
        @DefaultValue("20") int maxFailuresPerAddress,
        @DefaultValue("15m") Duration addressWindow,
        @DefaultValue("10m") Duration codeValidity,
        @DefaultValue("5") int codeMaxAttempts,
        @DefaultValue("60s") Duration codeResendInterval,
        @DefaultValue("5") int codeMaxSendsPerHour,
        @DefaultValue("8h") Duration absoluteSessionTimeout,
        @DefaultValue("60") int maxUploadsPerAccount,
        @DefaultValue("10m") Duration uploadWindow,
        @DefaultValue("60") int maxCodeRequestsPerAddress,
        @Nullable String metricsToken) {}
