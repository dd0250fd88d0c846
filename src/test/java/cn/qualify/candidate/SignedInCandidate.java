package cn.qualify.candidate;

import cn.qualify.TestExamSetup;
import cn.qualify.identity.Account;
import cn.qualify.identity.IdentityFixtures;
import java.time.Clock;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A new candidate logged in over HTTP to the running server, the start of most candidate journeys in these tests.
 * The context must import {@link TestRegistrations}.
 */
record SignedInCandidate(Account account, CandidateClient browser) {

    /** A candidate registered as a bachelor at a general hospital (exam point 2101), for the current exam year. */
    static SignedInCandidate aRegisteredBachelor(ApplicationContext context, int port) {
        var signedIn = anUnregistered(context, port);
        TestRegistrations.register(signedIn.account().id(), TestRegistrations.aBachelorAtAGeneralHospital());
        return signedIn;
    }

    /** A candidate with an account and nothing else, for tests that register through the API themselves. */
    static SignedInCandidate anUnregistered(ApplicationContext context, int port) {
        TestExamSetup.ensure(context.getBean(JdbcClient.class), context.getBean(Clock.class));
        var account = IdentityFixtures.aCandidate(context);
        return new SignedInCandidate(
                account, new CandidateClient(port).logIn(account.loginName(), IdentityFixtures.PASSWORD));
    }
}
