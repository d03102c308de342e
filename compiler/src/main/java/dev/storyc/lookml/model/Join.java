package dev.storyc.lookml.model;

import dev.storyc.diag.Position;
import java.util.List;
import java.util.Optional;

/** A Join is an explore's {@code join: name {...}}. */
public record Join(
        String name,
        Position position,
        Optional<Located> from,
        Optional<Located> sqlOn,
        Optional<String> relationship,
        Optional<String> type,
        List<Located> fields) {

    public Join {
        fields = List.copyOf(fields);
    }

    /** Returns the view the join reads: its {@code from}, or else its name. */
    public String view() {
        return from.map(Located::value).orElse(name);
    }
}
