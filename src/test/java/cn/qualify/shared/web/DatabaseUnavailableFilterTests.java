package cn.qualify.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Which failures mean "the database is away" (503) and which are bugs or bad input (not this filter's). */
class DatabaseUnavailableFilterTests {

    @Test
    void aMissingConnectionAnywhereInTheCausesIsAnOutage() {
        assertThat(DatabaseUnavailableFilter.databaseUnreachable(
                        new CannotGetJdbcConnectionException("no connection", new SQLException("refused", "08001"))))
                .isTrue();
        assertThat(DatabaseUnavailableFilter.databaseUnreachable(
                        new ServletException("request failed", new CannotCreateTransactionException("could not open"))))
                .isTrue();
        assertThat(DatabaseUnavailableFilter.databaseUnreachable(
                        new IllegalStateException("session", new SQLTransientConnectionException("pool timed out"))))
                .isTrue();
        assertThat(DatabaseUnavailableFilter.databaseUnreachable(
                        new RuntimeException(new SQLException("terminating connection", "57P01"))))
                .isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(DatabaseUnavailableFilter.databaseUnreachable(new IllegalStateException("bug")))
                .isFalse();
        assertThat(DatabaseUnavailableFilter.databaseUnreachable(
                        new DataIntegrityViolationException("duplicate", new SQLException("duplicate key", "23505"))))
                .isFalse();
    }
}
