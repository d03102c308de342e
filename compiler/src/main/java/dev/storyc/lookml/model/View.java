package dev.storyc.lookml.model;

import dev.storyc.diag.Position;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A View is a {@code view:} block, or a refinement of one ({@code view: +name}, whose {@link #name}
 * has no {@code +}).
 *
 * @param usages every name the view uses (fields, sets, constants) and every text with Liquid
 */
public record View(
        String name,
        Position position,
        boolean refinement,
        List<Located> extendsViews,
        boolean extensionRequired,
        Optional<Located> sqlTableName,
        Optional<DerivedTable> derivedTable,
        List<Field> fields,
        List<FieldSet> sets,
        List<Usage> usages) {

    public View {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(position, "position");
        extendsViews = List.copyOf(extendsViews);
        fields = List.copyOf(fields);
        sets = List.copyOf(sets);
        usages = List.copyOf(usages);
    }

    /** Returns every field name a query can use, dimension groups expanded, in declaration order. */
    public Set<String> fieldNames() {
        Set<String> names = new LinkedHashSet<>();
        fields.forEach(f -> names.addAll(f.names()));
        return names;
    }

    /** Returns the field a name refers to, including the expanded names of dimension groups. */
    public Optional<Field> field(String fieldName) {
        return fields.stream().filter(f -> f.names().contains(fieldName)).findFirst();
    }

    /** Returns the fields of one kind. */
    public List<Field> fields(FieldKind kind) {
        return fields.stream().filter(f -> f.kind() == kind).toList();
    }

    /** Returns the set with the given name. */
    public Optional<FieldSet> set(String setName) {
        return sets.stream().filter(s -> s.name().equals(setName)).findFirst();
    }
}
