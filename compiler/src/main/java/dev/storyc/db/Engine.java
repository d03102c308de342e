package dev.storyc.db;

import java.util.Locale;

/**
 * The warehouse engines storyc deploys to, and the SQL that differs between them. Both speak
 * PostgreSQL's wire protocol, so one JDBC driver serves both; what differs is said here, once, and
 * the registry and the applier ask instead of branching. (Template-facing spellings such as {@code
 * <% sql.now %>} live in {@code render.SqlDialect}.)
 */
public enum Engine {
    /** PostgreSQL: transactional DDL and session advisory locks. */
    POSTGRES(true),
    /**
     * Amazon Redshift: DDL is transactional too, but there are no advisory locks, so the apply lock
     * is a row in the registry's lock table (see {@code Registry}).
     */
    REDSHIFT(false);

    private final boolean advisoryLocks;

    Engine(boolean advisoryLocks) {
        this.advisoryLocks = advisoryLocks;
    }

    /** Returns the engine as spelled in environments.toml's {@code warehouse.engine}. */
    public static Engine of(String spelling) {
        return "postgres".equals(spelling) ? POSTGRES : REDSHIFT;
    }

    /** Returns the spelling of environments.toml, such as {@code postgres}. */
    public String spelling() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Returns true when the engine has {@code pg_try_advisory_lock}. */
    public boolean hasAdvisoryLocks() {
        return advisoryLocks;
    }

    /** Returns the column type for long script texts. */
    public String textType() {
        // Redshift has no unbounded TEXT: it silently maps TEXT to VARCHAR(256).
        return this == REDSHIFT ? "VARCHAR(65535)" : "TEXT";
    }

    /**
     * Returns the SQL that restores the identity a session connected as, after a script that may
     * have changed it ({@code SET ROLE}, {@code SET SESSION AUTHORIZATION}). Redshift has no {@code
     * SET ROLE}; resetting the session authorization there covers what it has.
     */
    public String identityReset() {
        return this == REDSHIFT ? "RESET SESSION AUTHORIZATION" : "RESET SESSION AUTHORIZATION; RESET ROLE";
    }

    /** Returns the expression for the server's current time inside a transaction. */
    public String now() {
        return this == REDSHIFT ? "GETDATE()" : "CURRENT_TIMESTAMP";
    }
}
