package dev.storyc.lookml.model;

/** The sorts of {@link Usage}: each resolves by its own rules. */
public enum UsageKind {
    /** {@code ${field}}, {@code ${view.field}}, {@code ${TABLE}} in code or strings. */
    SUBSTITUTION,
    /**
     * An entry of {@code fields}, {@code drill_fields} or {@code required_fields}: sets, {@code *},
     * {@code -}.
     */
    FIELD_LIST,
    /**
     * A field named on its own: the key of a {@code filters} pair, {@code order_by_field}, a sort.
     */
    FIELD_NAME,
    /** An entry of a dimension group's {@code timeframes} or {@code intervals}. */
    TIMEFRAME,
    /** The column of {@code ${TABLE}.column}, as written (quoted names keep their quotes). */
    COLUMN,
    /** {@code @{name}}: a LookML constant. */
    CONSTANT,
    /** A text that holds Liquid ({@code {{ }}} or {@code {% %}}), parsed as a whole. */
    LIQUID,
    /** A {@code required_access_grants} entry: an access grant the model declares. */
    ACCESS_GRANT,
    /** A {@code datagroup_trigger} or {@code persist_with}: a datagroup the model declares. */
    DATAGROUP
}
