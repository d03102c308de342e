package dev.storyc.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

/**
 * What the database holds, asked of pg_catalog, which every user may read on PostgreSQL and
 * Redshift alike. information_schema lists only what the user has a privilege on, so a table the
 * user may not read passed for missing ({@code etl status}: "never run"; the registry: "damaged"),
 * and {@code CREATE SCHEMA IF NOT EXISTS} needs the privilege to create even when the schema is
 * there, which a deploy role a DBA prepared everything for does not have (round 17).
 */
final class Catalog {
    private Catalog() {}

    /** Returns true when the schema exists. */
    static boolean hasSchema(Connection connection, String schema) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = ?")) {
            query.setString(1, schema);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    /**
     * Returns true when the table a {@code CREATE TABLE} of that name would have made exists: a
     * table or a partitioned table (a view, sequence, index or type of that name is not one), in its
     * schema when it has one, else in the first schema of the session's search path that exists,
     * where PostgreSQL creates an unqualified table.
     */
    static boolean hasTable(Connection connection, dev.storyc.check.TableName name) throws SQLException {
        String schema = name.schema().isPresent() ? "?" : "(pg_catalog.current_schemas(false))[1]";
        String sql = "SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid ="
                + " c.relnamespace WHERE n.nspname = " + schema + " AND c.relname = ?"
                + " AND c.relkind IN ('r', 'p')";
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            int i = 0;
            if (name.schema().isPresent()) {
                query.setString(++i, name.schema().get());
            }
            query.setString(++i, name.table());
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** Returns the names of the tables (and views) in a schema. */
    static Set<String> tables(Connection connection, String schema) throws SQLException {
        Set<String> tables = new HashSet<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT c.relname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid ="
                        + " c.relnamespace WHERE n.nspname = ? AND c.relkind IN ('r', 'p', 'v', 'm', 'f')")) {
            query.setString(1, schema);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
        }
        return tables;
    }
}
