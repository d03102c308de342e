package dev.storyc.lookml.model;

import dev.storyc.diag.Position;
import java.util.List;
import java.util.Optional;

/**
 * A Join is an explore's {@code join: name {...}}.
 *
 * @param relationship the {@code relationship} and {@code type} as written, where they are written
 * @param listsFields whether the join has a {@code fields} list at all: {@code fields: []} offers
 *     no field of the joined view, where a join without the list offers all of them
 */
public record Join(
        String name,
        Position position,
        Optional<Located> from,
        Optional<Located> sqlOn,
        Optional<Located> relationship,
        Optional<Located> type,
        List<Located> fields,
        boolean listsFields) {

    public Join {
        fields = List.copyOf(fields);
    }

    /** Returns the view the join reads: its {@code from}, or else its name. */
    public String view() {
        return from.map(Located::value).orElse(name);
    }
}
