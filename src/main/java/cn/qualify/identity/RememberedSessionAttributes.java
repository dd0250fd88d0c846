package cn.qualify.identity;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.util.unit.DataSize;

/**
 * Reads a stored session attribute once per change instead of on every request. The session store keeps each
 * attribute as Java serialisation bytes and the JDBC store deserialises them afresh on every request that reads
 * the attribute: the security context, the CSRF token and the sign-in stamp on nearly every request, about 3% of
 * an upload's CPU. This converter remembers what the bytes it has read came to, keyed by the bytes themselves:
 * the same bytes, from whichever node wrote them, always come to an equal value, and a changed attribute has
 * other bytes and is read anew.
 *
 * <p>Only values that cannot be changed through what this returns are remembered: immutable ones (the CSRF token,
 * the sign-in stamp, strings, locales) are handed out as they are, and the security context of a signed-in account
 * is handed out as a new context around a new token, so that a request that signs out and clears its own context
 * cannot touch another request's. Any other value is deserialised on every read, as without this converter.
 *
 * <p>The bytes remembered are bounded by {@code budget}: two generations, each up to half of it; when the current
 * one is full it becomes the previous one and the oldest is dropped, and a value found in the previous one moves
 * to the current one. What a generation holds is counted in serialised bytes; the values read from them take
 * about as much again.
 */
final class RememberedSessionAttributes implements Converter<byte[], Object> {

    private final Converter<byte[], Object> deserializer;
    private final long generationBytes;
    private final AtomicLong currentBytes = new AtomicLong();
    private volatile Map<Key, Object> current = new ConcurrentHashMap<>();
    private volatile Map<Key, Object> previous = Map.of();

    RememberedSessionAttributes(Converter<byte[], Object> deserializer, DataSize budget) {
        if (budget.isNegative()) {
            throw new IllegalArgumentException(
                    "The remembered session attributes' budget cannot be negative: " + budget);
        }
        this.deserializer = deserializer;
        this.generationBytes = budget.toBytes() / 2;
    }

    /**
     * The conversion service for Spring Session's JDBC store: serialisation as the store's own, deserialisation
     * through a {@code RememberedSessionAttributes} with {@code classLoader}.
     */
    static ConversionService conversionService(ClassLoader classLoader, DataSize budget) {
        var service = new GenericConversionService();
        service.addConverter(Object.class, byte[].class, new SerializingConverter());
        service.addConverter(
                byte[].class,
                Object.class,
                new RememberedSessionAttributes(new DeserializingConverter(classLoader), budget));
        return service;
    }

    @Override
    public Object convert(byte[] source) {
        if (generationBytes == 0) {
            return deserializer.convert(source);
        }
        var key = new Key(source);
        var remembered = current.get(key);
        if (remembered == null) {
            remembered = previous.get(key);
            if (remembered != null) {
                remember(key, remembered);
            }
        }
        if (remembered != null) {
            return handedOut(remembered);
        }
        var value = deserializer.convert(source);
        if (shareable(value)) {
            remember(key, value);
            return handedOut(value);
        }
        return value;
    }

    private void remember(Key key, Object value) {
        if (key.bytes.length > generationBytes) {
            return;
        }
        if (current.putIfAbsent(key, value) == null && currentBytes.addAndGet(key.bytes.length) > generationBytes) {
            synchronized (this) {
                if (currentBytes.get() > generationBytes) {
                    previous = current;
                    current = new ConcurrentHashMap<>();
                    currentBytes.set(0);
                }
            }
        }
    }

    /** Whether {@code value} may be remembered: immutable, or copied on every read by {@link #handedOut}. */
    private static boolean shareable(Object value) {
        if (value == null) {
            return false;
        }
        var type = value.getClass();
        if (type == String.class
                || type == Locale.class
                || type == Boolean.class
                || type == Integer.class
                || type == Long.class
                || type == Instant.class
                || type == DefaultCsrfToken.class
                || type == SessionLifetimeFilter.SignedIn.class) {
            return true;
        }
        return type == SecurityContextImpl.class && signedInWithImmutableParts((SecurityContextImpl) value);
    }

    /** The remembered value itself, or for a security context (checked when remembered) a new one around a copy. */
    private static Object handedOut(Object remembered) {
        if (remembered instanceof SecurityContextImpl context) {
            var token = context.getAuthentication();
            var copy = UsernamePasswordAuthenticationToken.authenticated(
                    token.getPrincipal(), null, token.getAuthorities());
            copy.setDetails(token.getDetails());
            return new SecurityContextImpl(copy);
        }
        return remembered;
    }

    /**
     * Whether the context holds a signed-in account's token made of immutable parts and nothing else: a token's
     * details and credentials can be changed on the token itself, and an authority of another type might be changed
     * in place.
     */
    private static boolean signedInWithImmutableParts(SecurityContextImpl context) {
        return context.getAuthentication() instanceof UsernamePasswordAuthenticationToken token
                && token.getClass() == UsernamePasswordAuthenticationToken.class
                && token.isAuthenticated()
                && token.getPrincipal() instanceof SignedInAccount
                && token.getCredentials() == null
                && (token.getDetails() == null || token.getDetails().getClass() == WebAuthenticationDetails.class)
                && token.getAuthorities().stream().allMatch(RememberedSessionAttributes::immutable);
    }

    private static boolean immutable(GrantedAuthority authority) {
        return authority.getClass() == SimpleGrantedAuthority.class
                || authority.getClass() == FactorGrantedAuthority.class;
    }

    /** Serialised bytes as a map key: equal when their contents are. */
    private static final class Key {

        private final byte[] bytes;
        private final int hash;

        Key(byte[] bytes) {
            this.bytes = bytes;
            this.hash = Arrays.hashCode(bytes);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && hash == key.hash && Arrays.equals(bytes, key.bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
