package dev.storyc.lookml.model;

import dev.storyc.diag.Position;
import java.util.List;

/** A FieldSet is a view's {@code set: name { fields: [...] }}. */
public record FieldSet(String name, Position position, List<Located> fields) {
    public FieldSet {
        fields = List.copyOf(fields);
    }
}
