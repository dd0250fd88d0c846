package cn.qualify.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTests {

    final PasswordPolicy policy = new PasswordPolicy();

    @ParameterizedTest
    @ValueSource(strings = {"12345678", "password", "qwerty123", "11111111", "a123456789", "PASSWORD", "Qwerty123"})
    void refusesCommonPasswordsWhateverTheirCase(String password) {
        assertThat(policy.violation(password, "someone")).contains("identity.password.common");
    }

    @ParameterizedTest
    @CsvSource({
        "'', identity.password.required",
        "abc1234, identity.password.tooShort",
        "医师资格考试审核, ", // eight Chinese characters are long enough
        "Qualify-2025, ",
        "blue tractor sings, "
    })
    void needsEightCharactersAndNoComposition(String password, String violation) {
        assertThat(policy.violation(password, "someone").orElse(null)).isEqualTo(violation);
    }

    @org.junit.jupiter.api.Test
    void refusesPasswordsOverSeventyTwoBytesAndThoseContainingTheLoginName() {
        assertThat(policy.violation("密".repeat(25), "x")).contains("identity.password.tooLong");
        assertThat(policy.violation("my name is Shenyang-2101", "shenyang"))
                .contains("identity.password.containsLoginName");
    }
}
