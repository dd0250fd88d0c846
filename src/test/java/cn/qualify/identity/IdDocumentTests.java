package cn.qualify.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class IdDocumentTests {

    /** The weighted sum of GB 11643, written out independently of the production code. */
    static char expectedCheckDigit(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int weight = (int) (Math.pow(2, 17 - i) % 11);
            sum += Character.digit(first17.charAt(i), 10) * weight;
        }
        return "10X98765432".charAt(sum % 11);
    }

    static Stream<String> generatedFirst17Digits() {
        var start = LocalDate.of(1950, 1, 1);
        return IntStream.range(0, 60)
                .mapToObj(i -> (i % 2 == 0 ? "210102" : "440305")
                        + start.plusDays(i * 401L).format(DateTimeFormatter.BASIC_ISO_DATE)
                        + String.format("%03d", (i * 37) % 1000));
    }

    @ParameterizedTest
    @MethodSource("generatedFirst17Digits")
    void acceptsEveryNumberWithTheRightCheckDigitAndRefusesEveryOtherDigit(String first17) {
        char right = expectedCheckDigit(first17);
        assertThat(ResidentIdCard.checkDigit(first17)).isEqualTo(right);
        assertThat(IdDocument.of(IdType.RESIDENT_ID_CARD, first17 + right).number())
                .isEqualTo(first17 + right);
        for (char wrong : "0123456789X".toCharArray()) {
            if (wrong != right) {
                assertThatThrownBy(() -> IdDocument.of(IdType.RESIDENT_ID_CARD, first17 + wrong))
                        .isInstanceOf(InvalidIdNumberException.class)
                        .extracting(e -> ((InvalidIdNumberException) e).messageKey())
                        .isEqualTo("identity.idNumber.checkDigit");
            }
        }
    }

    @Test
    void acceptsTheExamplesOfTheStandard() {
        // GB 11643-1999 gives these two numbers as its examples
        var woman = (ResidentIdCard) IdDocument.of(IdType.RESIDENT_ID_CARD, "11010519491231002X");
        assertThat(woman.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(woman.gender()).isEqualTo(Gender.FEMALE);
        assertThat(woman.addressCode()).isEqualTo("110105");
        // the other example has the right check digit but a birth year before 1900, which no candidate has
        assertThat(ResidentIdCard.checkDigit("44052418800101001")).isEqualTo('4');
        assertThatThrownBy(() -> IdDocument.of(IdType.RESIDENT_ID_CARD, "440524188001010014"))
                .extracting(e -> ((InvalidIdNumberException) e).messageKey())
                .isEqualTo("identity.idNumber.birthDate");
    }

    @Test
    void normalisesLowerCaseXAndSpaces() {
        assertThat(IdDocument.of(IdType.RESIDENT_ID_CARD, " 110105 19491231 002x ")
                        .number())
                .isEqualTo("11010519491231002X");
    }

    @Test
    void derivesGenderFromTheSeventeenthDigit() {
        String male = "21010219900101001";
        String female = "21010219900101002";
        assertThat(ResidentIdCard.of(male + expectedCheckDigit(male)).gender()).isEqualTo(Gender.MALE);
        assertThat(ResidentIdCard.of(female + expectedCheckDigit(female)).gender())
                .isEqualTo(Gender.FEMALE);
    }

    static Stream<Arguments> invalidResidentNumbers() {
        return Stream.of(
                Arguments.of("", "identity.idNumber.required"),
                Arguments.of("2101021990010100", "identity.idNumber.format.RESIDENT_ID_CARD"),
                Arguments.of("21010219900101001A", "identity.idNumber.format.RESIDENT_ID_CARD"),
                Arguments.of("2101021990010100123", "identity.idNumber.format.RESIDENT_ID_CARD"),
                Arguments.of(withCheckDigit("99010219900101001"), "identity.idNumber.region"),
                Arguments.of(withCheckDigit("21010219900230001"), "identity.idNumber.birthDate"),
                Arguments.of(withCheckDigit("21010219901301001"), "identity.idNumber.birthDate"),
                Arguments.of(withCheckDigit("21010218991231001"), "identity.idNumber.birthDate"));
    }

    static String withCheckDigit(String first17) {
        return first17 + expectedCheckDigit(first17);
    }

    @ParameterizedTest
    @MethodSource("invalidResidentNumbers")
    void refusesResidentNumbersWithTheReason(String number, String messageKey) {
        assertThatThrownBy(() -> IdDocument.of(IdType.RESIDENT_ID_CARD, number))
                .isInstanceOf(InvalidIdNumberException.class)
                .extracting(e -> ((InvalidIdNumberException) e).messageKey())
                .isEqualTo(messageKey);
    }

    @Test
    void acceptsAFebruaryTwentyNinthOnlyInLeapYears() {
        assertThat(ResidentIdCard.of(withCheckDigit("21010220000229001")).birthDate())
                .isEqualTo(LocalDate.of(2000, 2, 29));
        assertThatThrownBy(() -> ResidentIdCard.of(withCheckDigit("21010219000229001")))
                .isInstanceOf(InvalidIdNumberException.class);
    }

    static Stream<Arguments> otherDocuments() {
        return Stream.of(
                Arguments.of(IdType.HK_MACAO_PERMIT, "H12345678", true),
                Arguments.of(IdType.HK_MACAO_PERMIT, "m1234567801", true),
                Arguments.of(IdType.HK_MACAO_PERMIT, "A12345678", false),
                Arguments.of(IdType.HK_MACAO_PERMIT, "H1234567", false),
                Arguments.of(IdType.TAIWAN_PERMIT, "12345678", true),
                Arguments.of(IdType.TAIWAN_PERMIT, "1234567890", true),
                Arguments.of(IdType.TAIWAN_PERMIT, "1234567", false),
                Arguments.of(IdType.TAIWAN_PERMIT, "T1234567", false),
                Arguments.of(IdType.PASSPORT, "E12345678", true),
                Arguments.of(IdType.PASSPORT, "ea1234567", true),
                Arguments.of(IdType.PASSPORT, "ABCDEFGH", false),
                Arguments.of(IdType.PASSPORT, "E12-45678", false),
                Arguments.of(IdType.PASSPORT, "E123", false),
                Arguments.of(IdType.FOREIGN_PERMANENT_RESIDENT_ID, "USA210119880101", true),
                Arguments.of(IdType.FOREIGN_PERMANENT_RESIDENT_ID, withCheckDigit("92184019880101001"), true),
                Arguments.of(
                        IdType.FOREIGN_PERMANENT_RESIDENT_ID,
                        "92184019880101001" + wrongDigit("92184019880101001"),
                        false),
                Arguments.of(IdType.FOREIGN_PERMANENT_RESIDENT_ID, withCheckDigit("92184019881301001"), false),
                Arguments.of(IdType.FOREIGN_PERMANENT_RESIDENT_ID, "US2101198801011", false));
    }

    static char wrongDigit(String first17) {
        return expectedCheckDigit(first17) == '0' ? '1' : '0';
    }

    @ParameterizedTest
    @MethodSource("otherDocuments")
    void checksTheFormatOfOtherDocuments(IdType type, String number, boolean valid) {
        if (valid) {
            var document = IdDocument.of(type, number);
            assertThat(document.type()).isEqualTo(type);
            assertThat(document.number()).isEqualTo(IdDocument.normalise(number));
        } else {
            assertThatThrownBy(() -> IdDocument.of(type, number)).isInstanceOf(InvalidIdNumberException.class);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\u3000"})
    void blankNumbersAreMissingForEveryType(String blank) {
        for (IdType type : IdType.values()) {
            assertThatThrownBy(() -> IdDocument.of(type, blank))
                    .extracting(e -> ((InvalidIdNumberException) e).messageKey())
                    .isEqualTo("identity.idNumber.required");
        }
    }
}
