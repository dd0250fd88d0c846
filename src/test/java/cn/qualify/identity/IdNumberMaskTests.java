package cn.qualify.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdNumberMaskTests {

    @Test
    void aResidentIdCardKeepsItsRegionAndLastFour() {
        assertThat(IdNumberMask.masked("21010219950312001X")).isEqualTo("210102********001X");
    }

    @Test
    void otherDocumentsKeepAsMuchAsTheirLengthAllows() {
        assertThat(IdNumberMask.masked("E12345678")).isEqualTo("*******78");
        assertThat(IdNumberMask.masked("H1234567890")).isEqualTo("H12345*7890");
        assertThat(IdNumberMask.masked("AB")).isEqualTo("**");
        assertThat(IdNumberMask.masked(null)).isNull();
    }

    @Test
    void aStaffUserNameIsNotAnIdNumberAndStaysWhole() {
        var staff =
                new Account(1, "shenyang", null, "沈阳审核员", Role.POINT_REVIEWER, java.util.Set.of("2101"), null, true);
        var candidate = new Account(
                2, "21010219950312001X", IdType.RESIDENT_ID_CARD, "张伟", Role.CANDIDATE, java.util.Set.of(), null, true);
        assertThat(staff.maskedLoginName()).isEqualTo("shenyang");
        assertThat(candidate.maskedLoginName()).isEqualTo("210102********001X");
    }
}
