package cn.qualify.candidate;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A PostgreSQL database of its own for one test class, created on the server at {@code PG_HOST}:{@code PG_PORT}
 * (default 127.0.0.1:5432, user {@code PG_USER}, default postgres, password {@code PG_PASSWORD}, default none) and
 * dropped afterwards. Tests that run Qualify in several nodes or processes need a database those can share, which
 * the in-memory H2 of the other tests is not.
 */
final class ThrowAwayDatabase implements AutoCloseable {

    static final String HOST = env("PG_HOST", "127.0.0.1");
    static final String PORT = env("PG_PORT", "5432");
    static final String USER = env("PG_USER", "postgres");
    static final String PASSWORD = env("PG_PASSWORD", "");

    private final String name;

    private ThrowAwayDatabase(String name) {
        this.name = name;
    }

    /**
     * A fresh database named after {@code prefix}, or the reason there is none (PostgreSQL does not answer, as on a
     * developer's machine without it).
     */
    static Creation create(String prefix) {
        var name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (var admin = DriverManager.getConnection(adminUrl(), USER, PASSWORD)) {
            admin.createStatement().execute("CREATE DATABASE " + name);
            return new Creation(Optional.of(new ThrowAwayDatabase(name)), null);
        } catch (SQLException unreachable) {
            return new Creation(
                    Optional.empty(),
                    "PostgreSQL is not reachable at " + HOST + ":" + PORT + " as " + USER + " ("
                            + unreachable.getMessage() + ")");
        }
    }

    record Creation(Optional<ThrowAwayDatabase> database, String whyNot) {}

    String url() {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + name;
    }

    /** The Spring Boot arguments that point a Qualify at this database. */
    List<String> arguments() {
        return List.of(
                "--spring.datasource.url=" + url(),
                "--spring.datasource.username=" + USER,
                "--spring.datasource.password=" + PASSWORD);
    }

    java.sql.Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), USER, PASSWORD);
    }

    @Override
    public void close() throws SQLException {
        try (var admin = DriverManager.getConnection(adminUrl(), USER, PASSWORD)) {
            admin.createStatement().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    private static String adminUrl() {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/postgres?connectTimeout=3";
    }

    private static String env(String name, String otherwise) {
        var value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : value;
    }
}
