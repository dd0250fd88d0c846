package cn.qualify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** An operator command runs next to a serving node, so its web server must not take the node's port. */
class OperatorCommandArgumentsTests {

    @Test
    void aCommandGetsAFreePortUnlessOneIsGiven() {
        assertThat(QualifyApplication.withCommandDefaults(new String[] {"--qualify.command=verify-documents"}))
                .containsExactly("--server.port=0", "--qualify.command=verify-documents");
        assertThat(QualifyApplication.withCommandDefaults(
                        new String[] {"--qualify.command=verify-documents", "--server.port=9090"}))
                .containsExactly("--qualify.command=verify-documents", "--server.port=9090");
    }

    @Test
    void aServingNodeKeepsItsArguments() {
        assertThat(QualifyApplication.withCommandDefaults(new String[] {"--spring.profiles.active=demo"}))
                .containsExactly("--spring.profiles.active=demo");
        assertThat(QualifyApplication.withCommandDefaults(new String[0])).isEmpty();
    }
}
