package dev.storyc.check;

import dev.storyc.render.RenderedFile;
import dev.storyc.render.RenderedStory;
import dev.storyc.workspace.ArtifactKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The tables an environment's schema changes create, with their columns, for stages after the
 * checks that need column lists (the {@code phi} stage checks its classification files against
 * them). It is a public face over {@link ColumnCatalog}, which stays private to the checks.
 */
public final class SchemaTables {
    /**
     * One table at the end of the plan.
     *
     * @param name the table's own name, folded, without its schema
     * @param story the story whose schema change created it; a story that adds a column to it
     *     does not make it its own
     * @param columns its columns in order; empty when they cannot be known
     * @param unknownBecause why its columns cannot be known, if they cannot
     * @param types the first word of each column's declared type, lower case ({@code date},
     *     {@code varchar}), for the columns whose type the scripts declare
     */
    public record Table(String name, String story, List<String> columns,
            Optional<String> unknownBecause, java.util.Map<String, String> types) {
        public Table {
            columns = List.copyOf(columns);
            types = java.util.Map.copyOf(types);
        }

        /** Returns a column's declared type word, when the scripts declare it. */
        public Optional<String> typeOf(String column) {
            return Optional.ofNullable(types.get(column));
        }
    }

    private SchemaTables() {}

    /** Returns the tables the stories' deploy scripts create, in plan order, sorted by name. */
    public static List<Table> of(List<RenderedStory> stories) {
        List<ColumnCatalog.Script> scripts = new ArrayList<>();
        for (RenderedStory story : stories) {
            for (RenderedFile file : story.files()) {
                if (file.file().kind() == ArtifactKind.SCHEMA_DEPLOY) {
                    scripts.add(new ColumnCatalog.Script(story.story().id().value(),
                            file.file().source().path(), file.text()));
                }
            }
        }
        List<Table> tables = new ArrayList<>();
        ColumnCatalog.build(scripts).values().forEach(columns -> tables.add(new Table(
                columns.table().table(), columns.created().story(), columns.names(),
                columns.unknownBecause(), columns.types())));
        tables.sort(Comparator.comparing(Table::name).thenComparing(Table::story));
        return List.copyOf(tables);
    }
}
