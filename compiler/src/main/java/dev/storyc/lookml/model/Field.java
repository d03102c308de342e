package dev.storyc.lookml.model;

import dev.storyc.diag.Position;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Field is a dimension, dimension group, measure, filter or parameter of a view.
 *
 * @param type the {@code type} as written, where it is written: checks report a value Looker lacks there
 * @param datatype a time group's {@code datatype} ({@code epoch}, {@code date}, {@code yyyymmdd}...),
 *     where it is written: how Looker reads the column before it truncates it
 * @param timeframes the {@code timeframes} (time groups) or {@code intervals} (duration groups) listed
 */
public record Field(
        FieldKind kind,
        String name,
        Position position,
        Optional<Located> type,
        Optional<Located> datatype,
        Optional<Located> sql,
        List<String> timeframes,
        boolean hidden) {

    public Field {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(position, "position");
        timeframes = List.copyOf(timeframes);
        Objects.requireNonNull(datatype, "datatype");
    }

    /**
     * Returns the names queries use for this field: its own name, or for a dimension group the
     * names its timeframes expand to, such as {@code created_date}.
     */
    public List<String> names() {
        if (kind != FieldKind.DIMENSION_GROUP) {
            return List.of(name);
        }
        return Timeframes.expand(name, type.map(Located::value).orElse("time"), timeframes);
    }
}
