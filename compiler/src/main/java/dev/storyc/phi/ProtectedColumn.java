package dev.storyc.phi;

import dev.storyc.diag.Position;
import java.util.Objects;
import java.util.Optional;

/**
 * One classified column: the table's own name (without schema, which differs per environment),
 * the column, its class, how it generalizes, and the line of phi.toml that says so, which every
 * diagnostic about the column names as its related location.
 *
 * @param generalization how the column generalizes; present for birth dates and quasi-identifiers
 */
public record ProtectedColumn(String story, String table, String column, PhiClass phiClass,
        Optional<Generalization> generalization, Position declaredAt) {
    public ProtectedColumn {
        Objects.requireNonNull(story, "story");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(phiClass, "phiClass");
        Objects.requireNonNull(generalization, "generalization");
        Objects.requireNonNull(declaredAt, "declaredAt");
    }

    /** Returns {@code table.column}, as messages and reports name it. */
    public String qualifiedName() {
        return table + "." + column;
    }

    /**
     * Returns true when the column holds dates: a birth date, or a quasi-identifier kept to its
     * year.
     */
    public boolean holdsDates() {
        return generalization.filter(g -> g == Generalization.YEAR).isPresent();
    }
}
