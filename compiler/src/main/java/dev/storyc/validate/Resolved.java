package dev.storyc.validate;

import java.util.Set;

/** What substituting a field's LookML references gave: SQL to run, or why there is none. */
public sealed interface Resolved {
    /**
     * SQL ready to run, and the query aliases it reads ({@code ${TABLE}} and other views' fields),
     * so a batch knows which joins a field needs.
     */
    record Sql(String sql, Set<String> aliases, OwnSql own) implements Resolved {
        public Sql {
            aliases = Set.copyOf(aliases);
        }

        /** SQL with no field's own text in it to point into. */
        public Sql(String sql, Set<String> aliases) {
            this(sql, aliases, OwnSql.NONE);
        }
    }

    /** The SQL names a field, view or alias that the explore does not have. */
    record Unresolved(String reference, String why) implements Resolved {}

    /**
     * The SQL depends on what only Looker knows at query time: Liquid ({@code {{ }}}, {@code {%
     * %}}), constants ({@code @{...}}), a native derived table.
     */
    record Skipped(String reason) implements Resolved {}
}
