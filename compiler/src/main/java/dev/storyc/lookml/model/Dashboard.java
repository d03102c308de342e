package dev.storyc.lookml.model;

import dev.storyc.diag.Position;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A Dashboard is one {@code - dashboard: name} entry of a {@code .dashboard.lookml} file. */
public record Dashboard(
        String name,
        Position position,
        Optional<String> title,
        List<DashboardElement> elements,
        List<DashboardFilter> filters) {

    public Dashboard {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(position, "position");
        elements = List.copyOf(elements);
        filters = List.copyOf(filters);
    }

    /** Returns the dashboard filter with the given name, which {@code listen:} entries refer to. */
    public Optional<DashboardFilter> filter(String filterName) {
        return filters.stream().filter(f -> f.name().equals(filterName)).findFirst();
    }
}
