package dev.storyc.render;

import java.util.Map;

/**
 * SQL that differs between the warehouse engines storyc supports, offered to templates as
 * {@code <% sql.NAME %>}. Mustache has no conditionals on values, so an engine difference is a
 * name with a per-engine spelling rather than a branch in every story.
 */
enum SqlDialect {
    // Redshift runs CURRENT_TIMESTAMP on the leader node only; GETDATE() works in INSERT ... SELECT.
    REDSHIFT("GETDATE()"),
    POSTGRES("CURRENT_TIMESTAMP");

    private final String now;

    SqlDialect(String now) {
        this.now = now;
    }

    /** Returns the dialect of an engine as spelled in environments.toml; Redshift by default. */
    static SqlDialect of(Object engine) {
        return "postgres".equals(engine) ? POSTGRES : REDSHIFT;
    }

    /** Returns the names templates see under {@code sql}. */
    Map<String, Object> names() {
        return Map.of("now", now);
    }
}
