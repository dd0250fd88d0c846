package cn.qualify.identity;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An identity document number that follows the rules of its kind. Create one with {@link #of(IdType, String)},
 * which normalises the input (spaces removed, letters upper case) and throws {@link InvalidIdNumberException}
 * when a rule is broken. The rules per kind are documented on each record.
 */
public sealed interface IdDocument
        permits ResidentIdCard,
                IdDocument.HongKongMacaoPermit,
                IdDocument.TaiwanPermit,
                IdDocument.Passport,
                IdDocument.ForeignPermanentResidentId {

    IdType type();

    /** The normalised number, which is also the candidate's login name. */
    String number();

    static IdDocument of(IdType type, String raw) {
        String number = normalise(raw);
        if (number.isEmpty()) {
            throw new InvalidIdNumberException("identity.idNumber.required", "empty number");
        }
        return switch (type) {
            case RESIDENT_ID_CARD -> ResidentIdCard.of(number);
            case HK_MACAO_PERMIT -> HongKongMacaoPermit.of(number);
            case TAIWAN_PERMIT -> TaiwanPermit.of(number);
            case PASSPORT -> Passport.of(number);
            case FOREIGN_PERMANENT_RESIDENT_ID -> ForeignPermanentResidentId.of(number);
        };
    }

    /** Removes white space (also full-width) and upper-cases letters, so that {@code x} and {@code X} are one. */
    static String normalise(String raw) {
        if (raw == null) {
            return "";
        }
        return raw.replaceAll("[\\s\\u3000]", "").toUpperCase(Locale.ROOT);
    }

    private static void requireFormat(IdType type, Pattern pattern, String number) {
        if (!pattern.matcher(number).matches()) {
            throw new InvalidIdNumberException("identity.idNumber.format." + type.name(), "bad format: " + number);
        }
    }

    /**
     * 港澳居民来往内地通行证: {@code H} (Hong Kong) or {@code M} (Macao) followed by 8 digits (the card issued
     * since 2013), or by 10 digits (the earlier booklet: 8-digit lifelong number and a 2-digit issue count).
     */
    record HongKongMacaoPermit(String number) implements IdDocument {
        static final Pattern FORMAT = Pattern.compile("[HM]\\d{8}(\\d{2})?");

        static HongKongMacaoPermit of(String number) {
            requireFormat(IdType.HK_MACAO_PERMIT, FORMAT, number);
            return new HongKongMacaoPermit(number);
        }

        @Override
        public IdType type() {
            return IdType.HK_MACAO_PERMIT;
        }
    }

    /**
     * 台湾居民来往大陆通行证: 8 digits (the card issued since 2015), or 10 digits (the earlier booklet; a trailing
     * issue letter in brackets is left out).
     */
    record TaiwanPermit(String number) implements IdDocument {
        static final Pattern FORMAT = Pattern.compile("\\d{8}|\\d{10}");

        static TaiwanPermit of(String number) {
            requireFormat(IdType.TAIWAN_PERMIT, FORMAT, number);
            return new TaiwanPermit(number);
        }

        @Override
        public IdType type() {
            return IdType.TAIWAN_PERMIT;
        }
    }

    /**
     * 护照: 5 to 17 Latin letters and digits with at least one digit. Passports of many countries are accepted, so
     * only the common shape is checked (Chinese passports: {@code E} and 8 characters).
     */
    record Passport(String number) implements IdDocument {
        static final Pattern FORMAT = Pattern.compile("(?=.*\\d)[A-Z0-9]{5,17}");

        static Passport of(String number) {
            requireFormat(IdType.PASSPORT, FORMAT, number);
            return new Passport(number);
        }

        @Override
        public IdType type() {
            return IdType.PASSPORT;
        }
    }

    /**
     * 外国人永久居留身份证: the 2023 card has 18 characters, starting with {@code 9}, a birth date
     * {@code yyyyMMdd} in characters 7–14 and a GB 11643 (ISO 7064 MOD 11-2) check digit like the 居民身份证; the
     * 2017 card has 15 characters: a three-letter ISO 3166 nationality code and 12 digits.
     */
    record ForeignPermanentResidentId(String number) implements IdDocument {
        static final Pattern CARD_2023 = Pattern.compile("9\\d{16}[\\dX]");
        static final Pattern CARD_2017 = Pattern.compile("[A-Z]{3}\\d{12}");

        static ForeignPermanentResidentId of(String number) {
            if (CARD_2017.matcher(number).matches()) {
                return new ForeignPermanentResidentId(number);
            }
            requireFormat(IdType.FOREIGN_PERMANENT_RESIDENT_ID, CARD_2023, number);
            ResidentIdCard.birthDateAt(number, 6);
            ResidentIdCard.verifyCheckDigit(number);
            return new ForeignPermanentResidentId(number);
        }

        @Override
        public IdType type() {
            return IdType.FOREIGN_PERMANENT_RESIDENT_ID;
        }
    }
}
