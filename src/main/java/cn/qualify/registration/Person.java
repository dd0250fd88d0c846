package cn.qualify.registration;

import cn.qualify.identity.IdType;

/** Whose registration it is: the identity document and the name on it, already checked. */
record Person(IdType idType, String idNumber, String name) {}
