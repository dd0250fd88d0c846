package cn.qualify.application;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import org.h2.api.Trigger;

/**
 * The embedded database's twin of the PostgreSQL trigger {@code application_final_state_guard}: refuses any
 * update or delete of an application in a final state.
 */
public class H2FinalStateGuard implements Trigger {

    private int stateColumn = -1;

    @Override
    public void init(Connection connection, String schema, String trigger, String table, boolean before, int type)
            throws SQLException {
        try (var columns = connection.getMetaData().getColumns(null, schema, table, null)) {
            while (columns.next()) {
                if ("STATE".equalsIgnoreCase(columns.getString("COLUMN_NAME"))) {
                    stateColumn = columns.getInt("ORDINAL_POSITION") - 1;
                }
            }
        }
        if (stateColumn < 0) {
            throw new SQLException("Table " + table + " has no STATE column");
        }
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        if (oldRow != null
                && ApplicationState.valueOf((String) oldRow[stateColumn]).isFinal()) {
            throw new SQLIntegrityConstraintViolationException(
                    "application " + oldRow[0] + " is final (" + oldRow[stateColumn] + ") and cannot change");
        }
    }
}
