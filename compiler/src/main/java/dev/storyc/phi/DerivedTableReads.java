package dev.storyc.phi;

import dev.storyc.lookml.syntax.Block;
import dev.storyc.lookml.syntax.CodeBlock;
import dev.storyc.lookml.syntax.Item;
import dev.storyc.lookml.syntax.ParsedFile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which protected columns each column of a LookML derived table is computed from, so that a field
 * reading {@code ${TABLE}.medical_record} of a derived table that selects {@code p.mrn AS
 * medical_record} counts as a reader of {@code patients.mrn}. The audit report asks; the rewrite
 * and the proof do not, because a derived table's SQL carries the treatment where it is written
 * (the SQL half rewrites and proves it), so its fields read values already treated.
 */
final class DerivedTableReads {
    /** Knows no derived table: what the rewrite and the proof read LookML with. */
    static final DerivedTableReads NONE = new DerivedTableReads(Map.of(),
            Classification.of(List.of()));

    private final Map<String, SqlShape> shapes;
    private final Classification classification;

    private DerivedTableReads(Map<String, SqlShape> shapes, Classification classification) {
        this.shapes = shapes;
        this.classification = classification;
    }

    /**
     * Reads the {@code derived_table: { sql: ... }} of every view of {@code files} with the
     * column-flow analysis the SQL half uses, over the tables' column lists.
     */
    static DerivedTableReads of(List<ParsedFile> files, SqlColumns tables,
            Classification classification) {
        Map<String, SqlShape> shapes = new HashMap<>();
        for (ParsedFile file : files) {
            for (Block view : file.tree().root().blocks("view")) {
                for (Block derived : view.blocks("derived_table")) {
                    for (Item item : derived.items()) {
                        if (item instanceof CodeBlock sql && item.key().equals("sql")) {
                            shapes.put(ViewTables.viewName(view),
                                    SqlFlowAnalysis.ofQuery(sql.code(), tables));
                        }
                    }
                }
            }
        }
        return new DerivedTableReads(shapes, classification);
    }

    /**
     * Returns the protected columns the derived table of {@code view} computes {@code column}
     * from; none when the view has no derived table.
     */
    Set<ProtectedColumn> reads(String view, String column) {
        SqlShape shape = shapes.get(view);
        if (shape == null) {
            return Set.of();
        }
        // Reading a derived table's column is reading a subquery's: by name, or through a star.
        SqlFlow flow = SqlScope.through(new SqlRelation.Derived(view, shape), column,
                new SqlScope.Reference(0, 0, Optional.empty()));
        return SqlStoredReads.protectedIn(flow, classification);
    }
}
