package cn.qualify.materials;

/**
 * A document as the store holds it.
 *
 * @param key where it is
 * @param sha256 lower-case hex SHA-256 of the stored bytes, computed while storing them
 * @param size the number of stored bytes
 */
public record StoredDocument(StorageKey key, String sha256, long size) {}
