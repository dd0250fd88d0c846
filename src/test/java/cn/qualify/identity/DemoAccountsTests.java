package cn.qualify.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import org.junit.jupiter.api.Test;

class DemoAccountsTests {

    @Test
    void demoCandidatesHaveValidDistinctIdNumbersMatchingTheirNames() {
        var numbers = new HashSet<String>();
        for (var candidate : DemoAccounts.CANDIDATES) {
            var card = ResidentIdCard.of(candidate.idNumber());
            assertThat(card.provinceCode()).isEqualTo("21");
            numbers.add(card.number());
        }
        assertThat(numbers).hasSize(DemoAccounts.CANDIDATES.size()).hasSizeGreaterThanOrEqualTo(6);
    }

    @Test
    void demoPasswordPassesThePolicyForEveryDemoLogin() {
        var policy = new PasswordPolicy();
        DemoAccounts.STAFF.forEach(staff -> assertThat(policy.violation(DemoAccounts.PASSWORD, staff.userName()))
                .isEmpty());
        DemoAccounts.CANDIDATES.forEach(c -> assertThat(policy.violation(DemoAccounts.PASSWORD, c.idNumber()))
                .isEmpty());
    }

    @Test
    void pointReviewersCoverShenyangAndDalian() {
        assertThat(DemoAccounts.STAFF)
                .filteredOn(staff -> staff.role() == Role.POINT_REVIEWER)
                .extracting(DemoAccounts.Staff::examPoints)
                .containsExactlyInAnyOrder(java.util.Set.of("2101"), java.util.Set.of("2102"));
    }
}
