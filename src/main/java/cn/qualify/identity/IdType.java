package cn.qualify.identity;

/**
 * The kinds of identity document a candidate may register with. Each kind has its own number format, checked
 * by {@link IdDocument#of(IdType, String)}; the message key {@code identity.idType.<NAME>} names it.
 */
public enum IdType {
    /** 居民身份证: 18 characters with a GB 11643 check digit. */
    RESIDENT_ID_CARD,
    /** 港澳居民来往内地通行证. */
    HK_MACAO_PERMIT,
    /** 台湾居民来往大陆通行证. */
    TAIWAN_PERMIT,
    /** 护照. */
    PASSPORT,
    /** 外国人永久居留身份证. */
    FOREIGN_PERMANENT_RESIDENT_ID;

    public String messageKey() {
        return "identity.idType." + name();
    }
}
