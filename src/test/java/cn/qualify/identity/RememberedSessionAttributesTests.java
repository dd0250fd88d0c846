package cn.qualify.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.util.unit.DataSize;

/** Session attributes read once per change: what is remembered, what is copied, what is always read anew. */
class RememberedSessionAttributesTests {

    final SerializingConverter serializer = new SerializingConverter();
    final AtomicInteger deserialized = new AtomicInteger();
    final DeserializingConverter deserializer =
            new DeserializingConverter(getClass().getClassLoader());

    RememberedSessionAttributes remembering(DataSize budget) {
        return new RememberedSessionAttributes(
                bytes -> {
                    deserialized.incrementAndGet();
                    return deserializer.convert(bytes);
                },
                budget);
    }

    /** The bytes as the store reads them: a new array on every read. */
    byte[] stored(Object value) {
        return serializer.convert(value);
    }

    static SecurityContext signedIn(String loginName) {
        var request = new MockHttpServletRequest();
        request.setRemoteAddr("192.0.2.7");
        var token = UsernamePasswordAuthenticationToken.authenticated(
                new SignedInAccount(42, loginName, Role.CANDIDATE),
                null,
                List.of(new SimpleGrantedAuthority(Role.CANDIDATE.authority())));
        token.setDetails(new WebAuthenticationDetails(request));
        return new SecurityContextImpl(token);
    }

    @Test
    void theSameBytesAreDeserialisedOnce() {
        var attributes = remembering(DataSize.ofMegabytes(1));
        var stamp = new SessionLifetimeFilter.SignedIn("210102199001011234", Instant.parse("2026-03-01T08:00:00Z"));
        var token = new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "a1b2c3");

        var firstStamp = attributes.convert(stored(stamp));
        var firstToken = attributes.convert(stored(token));
        assertThat(deserialized).hasValue(2);
        assertThat(attributes.convert(stored(stamp))).isEqualTo(stamp).isSameAs(firstStamp);
        assertThat(attributes.convert(stored(token))).isSameAs(firstToken);
        assertThat(((DefaultCsrfToken) firstToken).getToken()).isEqualTo("a1b2c3");
        assertThat(deserialized).as("read again from memory").hasValue(2);

        var changed =
                new SessionLifetimeFilter.SignedIn(stamp.loginName(), stamp.at().plusSeconds(1));
        assertThat(attributes.convert(stored(changed))).isEqualTo(changed);
        assertThat(deserialized).as("a changed attribute has other bytes").hasValue(3);
    }

    @Test
    void aSecurityContextIsHandedOutAsANewContextAroundANewToken() {
        var attributes = remembering(DataSize.ofMegabytes(1));
        var context = signedIn("210102199001011234");

        var first = (SecurityContext) attributes.convert(stored(context));
        var second = (SecurityContext) attributes.convert(stored(context));
        assertThat(deserialized).hasValue(1);
        assertThat(second).isNotSameAs(first).isEqualTo(context);
        assertThat(second.getAuthentication()).isNotSameAs(first.getAuthentication());
        assertThat(second.getAuthentication().getDetails())
                .isEqualTo(context.getAuthentication().getDetails());
        assertThat(List.copyOf(second.getAuthentication().getAuthorities()))
                .isEqualTo(List.copyOf(context.getAuthentication().getAuthorities()));

        // what a sign-out does to its own request's context, and what else could be changed on a token
        first.setAuthentication(null);
        ((UsernamePasswordAuthenticationToken) second.getAuthentication()).setDetails("changed");
        second.getAuthentication().setAuthenticated(false);

        var third = (SecurityContext) attributes.convert(stored(context));
        assertThat(third).isEqualTo(context);
        assertThat(third.getAuthentication().isAuthenticated()).isTrue();
        assertThat(deserialized).hasValue(1);
    }

    @Test
    void valuesThatCouldBeChangedInPlaceAreDeserialisedOnEveryRead() {
        var attributes = remembering(DataSize.ofMegabytes(1));
        var list = new ArrayList<>(List.of("a", "b"));
        var withCredentials = new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(
                new SignedInAccount(42, "x", Role.CANDIDATE), "secret", List.of()));
        var otherPrincipal = new SecurityContextImpl(new TestingAuthenticationToken("x", null, "ROLE_CANDIDATE"));
        var otherAuthority = new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(
                new SignedInAccount(42, "x", Role.CANDIDATE), null, List.of(new RenamableAuthority("ROLE_CANDIDATE"))));

        for (Object value : List.of(list, withCredentials, otherPrincipal, otherAuthority)) {
            int before = deserialized.get();
            var first = attributes.convert(stored(value));
            var second = attributes.convert(stored(value));
            assertThat(second).as("%s", value).isEqualTo(value).isNotSameAs(first);
            assertThat(deserialized.get() - before).as("%s", value).isEqualTo(2);
        }
    }

    /** An authority that could be changed in place, unlike Spring Security's own. */
    static final class RenamableAuthority implements GrantedAuthority {
        String name;

        RenamableAuthority(String name) {
            this.name = name;
        }

        @Override
        public String getAuthority() {
            return name;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof RenamableAuthority authority && authority.name.equals(name);
        }

        @Override
        public int hashCode() {
            return name.hashCode();
        }
    }

    @Test
    void theRememberedBytesStayWithinTheBudget() {
        var one = stored(new SessionLifetimeFilter.SignedIn("a", Instant.EPOCH));
        // a generation (half the budget) is full with its second attribute, which starts a new one
        var attributes = remembering(DataSize.ofBytes(2L * one.length + 2));
        var a = new SessionLifetimeFilter.SignedIn("a", Instant.EPOCH);
        var b = new SessionLifetimeFilter.SignedIn("b", Instant.EPOCH);
        var c = new SessionLifetimeFilter.SignedIn("c", Instant.EPOCH);

        attributes.convert(stored(a));
        attributes.convert(stored(b));
        attributes.convert(stored(a));
        assertThat(deserialized).as("a, still in the previous generation").hasValue(2);
        attributes.convert(stored(c));
        attributes.convert(stored(b));
        assertThat(deserialized).as("b, dropped with the oldest generation").hasValue(4);
    }

    @Test
    void aBudgetOfNothingRemembersNothing() {
        var attributes = remembering(DataSize.ofBytes(0));
        var stamp = new SessionLifetimeFilter.SignedIn("a", Instant.EPOCH);
        var first = attributes.convert(stored(stamp));
        assertThat(attributes.convert(stored(stamp))).isEqualTo(first).isNotSameAs(first);
        assertThat(deserialized).hasValue(2);
        assertThatThrownBy(() -> remembering(DataSize.ofBytes(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negative");
    }
}
