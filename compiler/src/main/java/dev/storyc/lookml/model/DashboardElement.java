package dev.storyc.lookml.model;

import dev.storyc.diag.Position;
import java.util.List;
import java.util.Optional;

/**
 * A DashboardElement is one tile of a dashboard. Text tiles have no query, so model, explore and
 * fields may be absent.
 *
 * @param filters the element's own {@code filters:}, field to filter expression
 * @param listen the {@code listen:} entries, dashboard filter name to field
 * @param pivots the fields the element pivots on
 */
public record DashboardElement(
        Optional<String> name,
        Position position,
        Optional<String> title,
        Optional<String> type,
        Optional<Located> model,
        Optional<Located> explore,
        List<Located> fields,
        List<Binding> filters,
        List<Located> sorts,
        List<Binding> listen,
        List<Located> pivots) {

    public DashboardElement {
        fields = List.copyOf(fields);
        filters = List.copyOf(filters);
        sorts = List.copyOf(sorts);
        listen = List.copyOf(listen);
        pivots = List.copyOf(pivots);
    }

    /** A Binding is one {@code key: value} entry of a mapping, both with positions. */
    public record Binding(Located key, Located value) {}

    /** Returns the fields the element sorts by, without {@code desc} or {@code asc}. */
    public List<Located> sortFields() {
        return sorts.stream().map(s -> new Located(s.value().strip().split("\\s+")[0], s.position())).toList();
    }
}
