package dev.storyc.phi;

import dev.storyc.check.SchemaTables;
import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Diagnostics;
import dev.storyc.diag.Position;
import dev.storyc.diag.Result;
import dev.storyc.diag.SourceFile;
import dev.storyc.diag.Spelling;
import dev.storyc.toml.TomlDocument;
import dev.storyc.workspace.Story;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.tomlj.TomlTable;

/**
 * Reads the classification files ({@code stories/<id>/schema/phi.toml}) of the stories an
 * environment compiles and checks them against the column lists its schema changes build:
 *
 * <pre>
 * [tables.patients]
 * mrn = "identifier"
 * birth_date = "birth_date"
 * zip = { class = "quasi", generalize = "zip3" }
 * </pre>
 *
 * A table is named without its schema and must be one the story's own schema changes create, so a
 * classification lives with the table's owner and moves with it. Every mistake is located: a
 * table or column that does not exist, a class that does not, a table another story owns.
 */
public final class ClassificationReader {
    private static final Set<String> ROOT_KEYS = Set.of("tables");
    private static final Set<String> COLUMN_KEYS = Set.of("class", "generalize");

    private final List<SchemaTables.Table> tables;
    private final Diagnostics diagnostics = new Diagnostics();
    private final List<ProtectedColumn> columns = new ArrayList<>();

    private ClassificationReader(List<SchemaTables.Table> tables) {
        this.tables = tables;
    }

    /** Returns the classification of the stories, checked against the tables they create. */
    public static Result<Classification> read(List<Story> stories,
            List<SchemaTables.Table> tables) {
        ClassificationReader reader = new ClassificationReader(tables);
        for (Story story : stories) {
            story.classification().ifPresent(file -> reader.file(story, file));
        }
        if (reader.diagnostics.hasErrors()) {
            return Result.failed(reader.diagnostics.all());
        }
        return Result.of(Classification.of(reader.columns), reader.diagnostics);
    }

    /**
     * Returns the tables the stories' classification files name, folded and without schema, read
     * leniently (a broken file names none): what the column lists must cover.
     */
    static Set<String> tableNames(List<Story> stories) {
        Set<String> names = new java.util.HashSet<>();
        for (Story story : stories) {
            story.classification().ifPresent(file -> {
                org.tomlj.TomlParseResult parsed = org.tomlj.Toml.parse(file.text());
                if (parsed.get("tables") instanceof TomlTable classified) {
                    classified.keySet().forEach(name -> {
                        String folded = name.toLowerCase(Locale.ROOT);
                        names.add(folded.substring(folded.lastIndexOf('.') + 1));
                    });
                }
            });
        }
        return names;
    }

    private void file(Story story, SourceFile source) {
        Optional<TomlDocument> parsed = TomlDocument.parse(source, Code.PHI_FILE_SYNTAX,
                diagnostics);
        if (parsed.isEmpty()) {
            return;
        }
        TomlDocument document = parsed.get();
        document.rejectUnknownKeys(document.root(), ROOT_KEYS, Code.PHI_FILE_SHAPE, "phi.toml",
                "phi.toml holds one table, [tables.<name>], per classified table", diagnostics);
        Object tablesValue = document.root().get("tables");
        if (tablesValue == null) {
            return;
        }
        if (!(tablesValue instanceof TomlTable classified)) {
            shape(document.positionOf(document.root(), "tables"),
                    "`tables` must be a table of tables, such as [tables.patients]");
            return;
        }
        for (String name : classified.keySet()) {
            // At the table's name in its [tables.name] header, which the diagnostics are about.
            Position at = document.nameAt(document.positionOf(classified, name), name);
            if (!(classified.get(List.of(name)) instanceof TomlTable columnsTable)) {
                shape(at, "`tables." + name + "` must be a table of columns and their classes");
                continue;
            }
            table(story, name, at).ifPresent(table -> columns(story, document, table,
                    columnsTable));
        }
    }

    private Optional<SchemaTables.Table> table(Story story, String name, Position at) {
        String folded = name.toLowerCase(Locale.ROOT);
        if (folded.contains(".")) {
            diagnostics.add(Diagnostic.error(Code.PHI_UNKNOWN_TABLE, at,
                            "name the table `" + name + "` without its schema")
                    .withHint("the schema differs per environment; write [tables."
                            + folded.substring(folded.lastIndexOf('.') + 1) + "]"));
            return Optional.empty();
        }
        List<SchemaTables.Table> named = tables.stream().filter(t -> t.name().equals(folded))
                .toList();
        Optional<SchemaTables.Table> own = named.stream()
                .filter(t -> t.story().equals(story.id().value())).findFirst();
        if (own.isPresent()) {
            if (own.get().unknownBecause().isPresent()) {
                diagnostics.add(Diagnostic.error(Code.PHI_COLUMNS_NOT_KNOWN, at,
                        "the columns of `" + name + "` cannot be known: "
                                + own.get().unknownBecause().get())
                        .withHint("list the columns in the CREATE statement, so each can be"
                                + " classified and checked"));
                return Optional.empty();
            }
            return own;
        }
        if (!named.isEmpty()) {
            String owner = named.get(0).story();
            diagnostics.add(Diagnostic.error(Code.PHI_TABLE_NOT_OWNED, at,
                            "`" + name + "` is created by story `" + owner + "`, not `" + story
                                    .id() + "`")
                    .withHint("classify it once, where it is created: stories/" + owner + "/"
                            + Story.CLASSIFICATION));
            return Optional.empty();
        }
        List<String> ownTables = tables.stream()
                .filter(t -> t.story().equals(story.id().value())).map(SchemaTables.Table::name)
                        .toList();
        diagnostics.add(Diagnostic.error(Code.PHI_UNKNOWN_TABLE, at,
                        "story `" + story.id() + "` creates no table `" + name + "`")
                .withHint(Spelling.didYouMean(folded, ownTables).orElse(ownTables.isEmpty()
                        ? "the story's schema changes create no table"
                        : "its schema changes create " + String.join(", ", ownTables))));
        return Optional.empty();
    }

    private void columns(Story story, TomlDocument document, SchemaTables.Table table,
            TomlTable classified) {
        java.util.Map<String, Position> seen = new java.util.HashMap<>();
        for (String column : classified.keySet()) {
            Position at = document.positionOf(classified, column);
            String folded = column.toLowerCase(Locale.ROOT);
            // `mrn` and `MRN` are one column to the warehouse; TOML keeps both keys.
            Position first = seen.putIfAbsent(folded, at);
            if (first != null) {
                diagnostics.add(Diagnostic.error(Code.PHI_FILE_SHAPE, at,
                                "`" + column + "` classifies column `" + folded + "` of `" + table.name()
                                        + "` a second time")
                        .withRelated(first, "it is classified here")
                        .withHint("classify each column once; names compare ignoring case, as the"
                                + " warehouse compares them"));
                continue;
            }
            if (!table.columns().contains(folded)) {
                diagnostics.add(Diagnostic.error(Code.PHI_UNKNOWN_COLUMN, at,
                                "`" + table.name() + "` has no column `" + column + "`")
                        .withHint(Spelling.didYouMean(folded, table.columns())
                                .orElse("its columns are " + String.join(", ", table.columns()))));
                continue;
            }
            Object value = classified.get(List.of(column));
            if (value instanceof String spelling) {
                classify(story, table, folded, spelling, Optional.empty(), at,
                        document.valuePositionOf(classified, column), at);
            } else if (value instanceof TomlTable inline) {
                document.rejectUnknownKeys(inline, COLUMN_KEYS, Code.PHI_FILE_SHAPE,
                        "a column's classification",
                                "write { class = \"quasi\", generalize = \"zip3\" }",
                        diagnostics);
                if (!(inline.get("class") instanceof String spelling)) {
                    shape(at, "`" + column + "` needs `class = \"...\"`, one of "
                            + String.join(", ", PhiClass.spellings()));
                    continue;
                }
                Object generalize = inline.get("generalize");
                if (generalize != null && !(generalize instanceof String)) {
                    shape(document.positionOf(inline, "generalize"),
                            "`generalize` is one of " + String.join(", ", Generalization
                                    .spellings()));
                    continue;
                }
                Position generalizeAt = generalize == null ? at : document.positionOf(inline,
                        "generalize");
                classify(story, table, folded, spelling, Optional.ofNullable((String) generalize),
                        document.positionOf(inline, "class"), document.valuePositionOf(inline, "class"),
                        generalizeAt);
            } else {
                shape(at, "`" + column + "` must name a class, such as \"identifier\", or be"
                        + " { class = \"quasi\", generalize = \"zip3\" }");
            }
        }
    }

    private void classify(Story story, SchemaTables.Table table, String column, String spelling,
            Optional<String> generalize, Position classAt, Position spellingAt, Position generalizeAt) {
        Optional<PhiClass> phiClass = PhiClass.parse(spelling);
        if (phiClass.isEmpty()) {
            // At the misspelt class, the value, where the classification itself is at its key.
            diagnostics.add(Diagnostic.error(Code.PHI_UNKNOWN_CLASS, spellingAt,
                            "`" + spelling + "` is not a class of PHI")
                    .withHint(Spelling.didYouMean(spelling, PhiClass.spellings())
                            .orElse("the classes are " + String.join(", ", PhiClass.spellings()))));
            return;
        }
        Optional<Generalization> generalization = generalization(phiClass.get(), generalize,
                generalizeAt);
        if (generalization == null || !fitsType(table, column, generalization, generalizeAt)) {
            return;
        }
        columns.add(new ProtectedColumn(story.id().value(), table.name(), column, phiClass.get(),
                generalization, classAt));
    }

    /** Returns how the column generalizes, or null after reporting why it cannot. */
    private Optional<Generalization> generalization(PhiClass phiClass, Optional<String> written,
            Position at) {
        if (written.isEmpty()) {
            if (phiClass == PhiClass.QUASI) {
                diagnostics.add(Diagnostic.error(Code.PHI_GENERALIZATION, at,
                                "a quasi-identifier must say how it generalizes")
                        .withHint("write { class = \"quasi\", generalize = \"zip3\" }"
                                + " for a ZIP code"
                                + " or generalize = \"year\" for a date"));
                return null;
            }
            return phiClass.defaultGeneralization();
        }
        Optional<Generalization> generalization = Generalization.parse(written.get());
        if (generalization.isEmpty()) {
            diagnostics.add(Diagnostic.error(Code.PHI_GENERALIZATION, at,
                            "`" + written.get() + "` is not a generalization")
                    .withHint(Spelling.didYouMean(written.get(), Generalization.spellings())
                            .orElse("write \"year\" or \"zip3\"")));
            return null;
        }
        boolean fits = phiClass == PhiClass.QUASI
                || phiClass == PhiClass.BIRTH_DATE && generalization.get() == Generalization.YEAR;
        if (!fits) {
            diagnostics.add(Diagnostic.error(Code.PHI_GENERALIZATION, at,
                            "a " + phiClass.spelling().replace('_', ' ') + " cannot generalize to `"
                                    + written.get() + "`")
                    .withHint(phiClass.generalizes() ? "a birth date generalizes to its year"
                            : "only birth dates and quasi-identifiers generalize"));
            return null;
        }
        return generalization;
    }

    /** The declared types (first word, lower case) a generalization keeps part of. */
    private static final java.util.Map<Generalization, java.util.Set<String>> FITTING_TYPES = java.util.Map.of(
            Generalization.YEAR, java.util.Set.of("date", "timestamp", "timestamptz"),
            Generalization.ZIP3, java.util.Set.of("char", "character", "varchar", "text", "bpchar", "nchar",
                    "nvarchar"));

    /**
     * Returns false, after reporting it, when the column's declared type cannot hold what the
     * generalization writes: a year needs a date, three digits a text column. The treated SQL
     * would otherwise be refused by the warehouse only when a job or a dashboard runs. A column
     * whose type the scripts do not declare (CREATE TABLE AS) is not judged.
     */
    private boolean fitsType(SchemaTables.Table table, String column, Optional<Generalization> generalization,
            Position at) {
        if (generalization.isEmpty()) {
            return true;
        }
        Optional<String> type = table.typeOf(column);
        if (type.isEmpty() || FITTING_TYPES.get(generalization.get()).contains(type.get())) {
            return true;
        }
        diagnostics.add(Diagnostic.error(Code.PHI_GENERALIZATION, at,
                        "`" + table.name() + "." + column + "` is " + type.get().toUpperCase(Locale.ROOT)
                                + ", which `" + generalization.get().spelling() + "` cannot generalize")
                .withHint(generalization.get() == Generalization.YEAR
                        ? "`year` keeps the year of a DATE or TIMESTAMP column"
                        : "`zip3` keeps the first three characters of a CHAR, VARCHAR or TEXT column"));
        return false;
    }

    private void shape(Position at, String message) {
        diagnostics.add(Diagnostic.error(Code.PHI_FILE_SHAPE, at, message)
                .withHint("see docs/phi.md for the shape of phi.toml"));
    }
}
