package cn.qualify.identity;

/** Gender as encoded in a 居民身份证 number: odd 17th digit male, even female. */
public enum Gender {
    MALE,
    FEMALE
}
