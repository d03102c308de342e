package dev.storyc.lookml.model;

import dev.storyc.diag.Position;
import java.util.List;
import java.util.Optional;

/** A DashboardFilter is one entry of a dashboard's {@code filters:}. */
public record DashboardFilter(
        String name,
        Position position,
        Optional<String> title,
        Optional<String> type,
        Optional<Located> model,
        Optional<Located> explore,
        Optional<Located> field,
        List<Located> listensToFilters,
        Optional<Located> defaultValue) {

    public DashboardFilter {
        listensToFilters = List.copyOf(listensToFilters);
    }
}
