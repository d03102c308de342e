package dev.storyc.phi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A SqlShape is what a query produces, position by position, with what each column is computed
 * from; {@code opaque} holds what makes the positions themselves unknowable (a {@code UNION} of
 * branches with a {@code *}).
 */
public record SqlShape(List<SqlProduced> columns, List<SqlOpaque> opaque) {
    public SqlShape {
        columns = List.copyOf(columns);
        opaque = List.copyOf(opaque);
    }

    /** Returns the stars of the select list. */
    public List<SqlProduced.Star> stars() {
        return columns.stream().filter(SqlProduced.Star.class::isInstance)
                .map(SqlProduced.Star.class::cast).toList();
    }

    /** Returns the first column of that name, as PostgreSQL resolves a name in a subquery. */
    public Optional<SqlProduced.Column> column(String name) {
        return columns.stream().filter(SqlProduced.Column.class::isInstance)
                .map(SqlProduced.Column.class::cast)
                .filter(c -> c.name().filter(name::equals).isPresent()).findFirst();
    }

    /** Returns the shape with its columns renamed, as {@code name(a, b)} renames them. */
    SqlShape renamed(List<String> names) {
        List<SqlProduced> renamed = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            SqlProduced column = columns.get(i);
            if (i < names.size() && column instanceof SqlProduced.Column c) {
                renamed.add(new SqlProduced.Column(Optional.of(names.get(i)), c.items()));
            } else {
                renamed.add(column);
            }
        }
        return new SqlShape(renamed, opaque);
    }
}
