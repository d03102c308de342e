package dev.storyc.phi;

import dev.storyc.diag.Code;
import dev.storyc.diag.Position;
import dev.storyc.lookml.syntax.SyntaxTree;
import dev.storyc.lookml.syntax.Block;
import dev.storyc.lookml.syntax.CodeBlock;
import dev.storyc.lookml.syntax.Container;
import dev.storyc.lookml.syntax.Element;
import dev.storyc.lookml.syntax.Item;
import dev.storyc.lookml.syntax.ListNode;
import dev.storyc.lookml.syntax.Pair;
import dev.storyc.lookml.syntax.ParsedFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an environment's LookML for protected columns: which fields read which protected column
 * (directly, through {@code ${field}} chains, or through a view built on the table), which of
 * those reads the rewrite can treat, and which let a value through raw. The rewrite runs it on
 * the rendered files to find what to treat; the proof runs it again on the rewritten files, so
 * what it proves is the text that is written.
 *
 * <p>The rules, for a column whose class the environment does not allow:
 * <ul>
 *   <li>{@code ${TABLE}.column} in a field's SQL, in a view over the table, is treated (the
 *       rewrite wraps it in {@link TreatmentSql}); anywhere else it is a raw use;</li>
 *   <li>{@code alias.column} outside {@code ${...}}, where the alias is a view over the table or
 *       the table itself, bypasses the view's fields: a raw use;</li>
 *   <li>a bare column name is resolved by SQL against every table in scope: a raw use;</li>
 *   <li>{@code ${field}} of a field with a raw use is a raw use at the reference, and Liquid in
 *       {@code html} or a link that shows such a field is one too ({@code E1122});</li>
 *   <li>a literal compared with a protected field (a LookML {@code filters:} value, a literal in
 *       an explore's SQL next to the field) writes a value into the output: {@code E1121}.</li>
 * </ul>
 */
final class LookmlAnalysis {
    private static final Set<String> FIELD_KEYS =
            Set.of("dimension", "dimension_group", "measure", "filter", "parameter");
    private static final String NAME = "([A-Za-z_][A-Za-z0-9_]*)";
    private static final java.util.regex.Pattern LIQUID_FIELD = java.util.regex.Pattern.compile(
            NAME + "\\." + NAME + "\\._(?:value|rendered_value|linked_value)"
                    + "|row\\[\\s*['\"]" + NAME + "\\." + NAME + "['\"]\\s*\\]");
    private static final java.util.regex.Pattern VIEW_NAME =
            java.util.regex.Pattern.compile("(?m)^\\s*view:\\s*\\+?([A-Za-z_][A-Za-z0-9_]*)");
    private static final java.util.regex.Pattern STRING_LITERAL =
            java.util.regex.Pattern.compile("'[^']*[A-Za-z0-9][^']*'");

    /** A field and what it reads. */
    private static final class FieldInfo {
        final FieldKey key;
        boolean group;
        final Set<ProtectedColumn> reads = new java.util.LinkedHashSet<>();
        Position at;
        PhiUse raw;

        FieldInfo(FieldKey key) {
            this.key = key;
        }
    }

    /** A reference from one place to a field: a substitution, or Liquid that shows it. */
    private record Reference(FieldInfo from, String view, String field, String path, Position at,
            String token, Code code) {}

    /** One replacement the rewrite makes. */
    record Edit(int start, int end, String replacement) {}

    private final Classification classification;
    private final PhiPolicy policy;
    private ViewTables views;
    private DerivedTableReads derived = DerivedTableReads.NONE;
    private final Map<FieldKey, FieldInfo> fields = new LinkedHashMap<>();
    /** The dimension groups of each view, whose fields are named by timeframe. */
    private final Map<String, List<FieldInfo>> groups = new java.util.HashMap<>();
    private final List<Reference> references = new ArrayList<>();
    private final List<PhiUse> uses = new ArrayList<>();
    private final Map<String, List<Edit>> edits = new LinkedHashMap<>();
    private final List<Runnable> literalChecks = new ArrayList<>();
    /** The names of the fields that read protected columns, and of such dimension groups + "_". */
    private Words protectedNames;
    /** Every view's name, read from every file when an alias is first asked about. */
    private Set<String> viewNames;
    /** The paths of the files this analysis parsed: those that mention a protected name. */
    private final Set<String> read = new java.util.HashSet<>();
    private List<LookmlText> files = List.of();

    private LookmlAnalysis(Classification classification, PhiPolicy policy) {
        this.classification = classification;
        this.policy = policy;
    }

    /**
     * Reads the files for the report, following derived tables' SQL over {@code tables} as the
     * rewrite need not; does nothing when nothing is classified.
     */
    static LookmlAnalysis of(List<LookmlText> files, Classification classification,
            PhiPolicy policy, SqlColumns tables) {
        return of(files, classification, policy, null, new PhiCache(), tables);
    }

    /**
     * Reads rewritten files, knowing from {@code before} (the analysis of the same files before
     * the rewrite) which fields read protected columns: a redacted field reads none any more, but
     * a literal value of it in a filter is still a value of the column.
     */
    static LookmlAnalysis of(List<LookmlText> files, Classification classification,
            PhiPolicy policy, LookmlAnalysis before, PhiCache cache) {
        return of(files, classification, policy, before, cache, null);
    }

    private static LookmlAnalysis of(List<LookmlText> files, Classification classification,
            PhiPolicy policy, LookmlAnalysis before, PhiCache cache, SqlColumns tables) {
        LookmlAnalysis analysis = new LookmlAnalysis(classification, policy);
        if (classification.isEmpty()) {
            analysis.views = ViewTables.of(List.of(), classification);
            return analysis;
        }
        // The rewrite adds no protected name to a file, so the proof reads the files the
        // analysis before it found to mention one.
        List<ParsedFile> parsed = files.stream()
                .filter(f -> before != null ? before.read.contains(f.path())
                        : analysis.mayMention(f.text()))
                .map(cache::parse).toList();
        parsed.forEach(p -> analysis.read.add(p.tree().path()));
        analysis.files = files;
        analysis.views = ViewTables.of(parsed, classification);
        if (tables != null) {
            analysis.derived = DerivedTableReads.of(parsed, tables, classification);
        }
        parsed.forEach(analysis::file);
        analysis.resolve();
        if (before != null) {
            before.fields.forEach((key, field) -> {
                FieldInfo info = analysis.fields.computeIfAbsent(key, FieldInfo::new);
                info.reads.addAll(field.reads);
                if (field.group && !info.group) {
                    info.group = true;
                    analysis.groups.computeIfAbsent(key.view(), v -> new ArrayList<>()).add(info);
                }
            });
        }
        analysis.literalChecks.forEach(Runnable::run);
        return analysis;
    }

    /** Returns the raw uses found, in file and offset order. */
    List<PhiUse> uses() {
        return uses.stream().sorted(java.util.Comparator.comparing(PhiUse::at)).toList();
    }

    /** Returns the replacements that treat each rewritable read, by path. */
    Map<String, List<Edit>> edits() {
        return edits;
    }

    /** A field that reads protected columns, where it is declared, and the columns. */
    record ProtectedField(FieldKey key, Position at, Set<ProtectedColumn> reads) {}

    /** Returns every field that reads a protected column, directly or through others. */
    List<ProtectedField> protectedFields() {
        return fields.values().stream().filter(f -> !f.reads.isEmpty() && f.at != null)
                .map(f -> new ProtectedField(f.key, f.at, Set.copyOf(f.reads))).toList();
    }

    /**
     * Returns true when {@code text} may name a field that reads a protected column: it holds the
     * field's name, or a dimension group's name followed by {@code _}, as a word.
     */
    boolean mayNameProtectedField(String text) {
        if (protectedNames == null) {
            Set<String> names = new java.util.HashSet<>();
            List<String> groups = new ArrayList<>();
            for (FieldInfo field : fields.values()) {
                if (!field.reads.isEmpty()) {
                    names.add(field.key.field());
                    if (field.group) {
                        groups.add(field.key.field() + "_");
                    }
                }
            }
            protectedNames = new Words(names, groups, false);
        }
        return !protectedNames.isEmpty() && protectedNames.foundIn(text);
    }

    /** Returns what the field a dashboard or filter names reads, if it reads protected columns. */
    Optional<Set<ProtectedColumn>> readsOf(String view, String field) {
        return find(view, field).filter(f -> !f.reads.isEmpty()).map(f -> Set.copyOf(f.reads));
    }

    /**
     * Returns true when a text could read a protected column: it names a classified table or
     * column as a word. Checking every file of a thousand stories costs one scan each.
     */
    private boolean mayMention(String text) {
        return classification.mentions(text);
    }

    private void file(ParsedFile parsed) {
        String path = parsed.tree().path();
        for (Block block : parsed.tree().root().blocks("view")) {
            String view = ViewTables.viewName(block);
            for (Item item : block.items()) {
                if (item instanceof Block field && FIELD_KEYS.contains(item.key())) {
                    field(path, view, field);
                }
            }
        }
        for (Block explore : parsed.tree().root().blocks("explore")) {
            container(path, "", null, explore);
        }
    }

    private void field(String path, String view, Block block) {
        FieldKey key = new FieldKey(view, block.name().orElse(""));
        FieldInfo info = fields.computeIfAbsent(key, FieldInfo::new);
        if (info.at == null) {
            info.at = block.position();
        }
        if (block.key().equals("dimension_group") && !info.group) {
            info.group = true;
            groups.computeIfAbsent(view, v -> new ArrayList<>()).add(info);
        }
        container(path, view, info, block);
    }

    /** Reads the code, lists and Liquid of a field, an explore or a join, at any depth. */
    private void container(String path, String view, FieldInfo field, Container container) {
        for (Item item : container.items()) {
            if (item instanceof CodeBlock code && item.key().startsWith("sql")) {
                code(path, view, field, code, item.key().equals("sql") && field != null);
            } else if (item instanceof CodeBlock code && item.key().startsWith("html")) {
                liquid(path, field, code.tree(), code.tree().source().substring(code.codeStart(),
                        code.codeEnd()), code.codeStart());
            } else if (item instanceof Pair pair
                    && (item.key().equals("url") || item.key().equals("label"))) {
                liquid(path, field, pair.tree(), pair.rawValue(), pair.valueStart());
            } else if (item instanceof ListNode list && item.key().equals("filters")) {
                filters(path, view, list);
            } else if (item instanceof Block nested && !item.key().equals("derived_table")) {
                container(path, view, field, nested);
            }
        }
    }

    /** One code block being read: where it is, and whose it is. */
    private record SqlText(String path, String view, FieldInfo field, CodeBlock block,
            String text) {
        Position at(int offset) {
            return block.tree().position(block.codeStart() + offset);
        }
    }

    private void code(String path, String view, FieldInfo field, CodeBlock block,
            boolean rewritable) {
        String text = block.tree().source().substring(block.codeStart(), block.codeEnd());
        SqlText code = new SqlText(path, view, field, block, text);
        Optional<String> table = views.tableOf(view);
        boolean literals = field == null && STRING_LITERAL.matcher(text).find();
        for (SqlReads.Read read : SqlReads.of(text)) {
            String token = text.substring(read.start(), read.end());
            switch (read.kind()) {
                case TABLE_COLUMN -> table.flatMap(t -> classification.classOf(t, read.name()))
                        .ifPresentOrElse(column -> tableColumn(code, column, read, token,
                                rewritable), () -> derivedColumn(code, read.name()));
                case QUALIFIED -> qualified(read.qualifier(), read.name())
                        .ifPresent(column -> direct(code, column, read, token,
                                "`" + token + "` reads " + column.qualifiedName()
                                        + " through the table alias `" + read.qualifier()
                                        + "`, past its treatment",
                                "read it through its field, ${" + read.qualifier() + "."
                                        + read.name() + "}, which carries the environment's"
                                        + " treatment"));
                case BARE -> bare(table, read.name())
                        .ifPresent(column -> direct(code, column, read, token,
                                "the bare column `" + token + "` may read "
                                        + column.qualifiedName() + " raw",
                                "write ${TABLE}." + read.name() + " in a view over "
                                        + column.table() + ", or ${view.field}, so the treatment"
                                        + " applies"));
                case FIELD -> substitution(code, read, token, literals);
                default -> { }
            }
        }
    }

    /** Notes what a field over a derived table's column reads: treated in its SQL, never raw. */
    private void derivedColumn(SqlText code, String column) {
        if (code.field() != null) {
            code.field().reads.addAll(derived.reads(code.view(), column));
        }
    }

    /** Notes a {@code ${field}}; in an explore's SQL beside a literal, checks the literal too. */
    private void substitution(SqlText code, SqlReads.Read read, String token, boolean literals) {
        String target = read.qualifier().isEmpty() ? code.view() : read.qualifier();
        Position at = code.at(read.start());
        references.add(new Reference(code.field(), target, read.name(), code.path(), at, token,
                Code.PHI_RAW_USE));
        if (literals) {
            literalChecks.add(() -> find(target, read.name()).flatMap(this::forbidden)
                    .ifPresent(column -> uses.add(literal(code.path(), at, token, column,
                            "`" + token + "` is compared with a literal value of "
                                    + column.qualifiedName(),
                            "a literal value of protected data must not be in LookML;"
                                    + " use a user attribute or a parameter"))));
        }
    }

    private static PhiUse literal(String path, Position at, String token, ProtectedColumn column,
            String message, String hint) {
        return new PhiUse(path, at, token, column, Code.PHI_DASHBOARD_LITERAL,
                message, hint, Optional.empty());
    }

    private void tableColumn(SqlText code, ProtectedColumn column, SqlReads.Read read, String token,
            boolean rewritable) {
        Treatment treatment = policy.treatmentOf(column.phiClass());
        boolean raw = direct(code, column, read, token,
                "`" + token + "` reads " + column.qualifiedName() + " raw, which "
                        + policy.environment() + " must " + treatment.spelling(),
                "read protected columns in a field's `sql:`, where storyc applies the treatment");
        if (raw && rewritable) {
            int base = code.block().codeStart();
            edits.computeIfAbsent(code.path(), k -> new ArrayList<>()).add(new Edit(
                    base + read.start(), base + read.end(),
                    TreatmentSql.render(treatment, column, token)));
        }
    }

    /**
     * Notes that the field reads the column and reports the read when it is raw: the environment
     * does not allow the column's class and the read stands outside its treatment. Returns
     * whether it was raw.
     */
    private boolean direct(SqlText code, ProtectedColumn column, SqlReads.Read read, String token,
            String message, String hint) {
        Treatment treatment = policy.treatmentOf(column.phiClass());
        if (code.field() != null) {
            code.field().reads.add(column);
        }
        if (treatment.exposesRawValues()
                || TreatmentSql.isTreated(treatment, column, code.text(), read.start(),
                        read.end())) {
            return false;
        }
        raw(code.field(), new PhiUse(code.path(), code.at(read.start()), token, column,
                Code.PHI_RAW_USE, message, hint, Optional.empty()));
        return true;
    }

    private void raw(FieldInfo field, PhiUse use) {
        uses.add(use);
        if (field != null && field.raw == null) {
            field.raw = use;
        }
    }

    /**
     * Returns the protected column {@code qualifier.name} reads: through a view over the table or
     * the table's own name, or through an alias LookML does not define (a subquery's), which may
     * stand for any table with a protected column of that name.
     */
    private Optional<ProtectedColumn> qualified(String qualifier, String name) {
        Optional<String> table = views.tableOf(qualifier)
                .or(() -> Optional.of(qualifier).filter(classification::protects));
        if (table.isPresent()) {
            return table.flatMap(t -> classification.classOf(t, name));
        }
        if (viewNames().contains(qualifier)) {
            return Optional.empty();
        }
        return classification.anyNamed(name);
    }

    /** Returns the protected column a bare name may mean: the view's own table's first. */
    private Optional<ProtectedColumn> bare(Optional<String> table, String name) {
        Optional<ProtectedColumn> own = table.flatMap(t -> classification.classOf(t, name));
        if (own.isPresent()) {
            return own;
        }
        return classification.anyNamed(name);
    }

    private void liquid(String path, FieldInfo field, SyntaxTree tree, String text, int base) {
        java.util.regex.Matcher matcher = LIQUID_FIELD.matcher(text);
        while (matcher.find()) {
            String target = matcher.group(1) != null ? matcher.group(1) : matcher.group(3);
            String name = matcher.group(1) != null ? matcher.group(2) : matcher.group(4);
            references.add(new Reference(field, target, name, path,
                    tree.position(base + matcher.start()), matcher.group(),
                    Code.PHI_LIQUID_RAW));
        }
    }

    private void filters(String path, String view, ListNode list) {
        for (Element element : list.elements()) {
            if (element.key().isEmpty()) {
                continue;
            }
            String name = element.key().get();
            int dot = name.indexOf('.');
            String target = dot < 0 ? view : name.substring(0, dot);
            String fieldName = dot < 0 ? name : name.substring(dot + 1);
            String value = element.unescapedValue();
            if (!PhiLiterals.looksLikeData(value)) {
                continue;
            }
            literalChecks.add(() -> find(target, fieldName).flatMap(this::forbidden)
                    .ifPresent(column -> uses.add(literal(path, element.valuePosition(),
                            element.rawValue(), column, "the filter on `" + name
                                    + "` holds a literal value of " + column.qualifiedName(),
                            "a literal value of protected data must not be in LookML or a"
                                    + " dashboard; leave the default empty"))));
        }
    }

    /** Returns a column the field reads that the environment does not allow, if any. */
    private Optional<ProtectedColumn> forbidden(FieldInfo field) {
        return field.reads.stream()
                .filter(c -> !policy.treatmentOf(c.phiClass()).exposesRawValues()).findFirst();
    }

    /**
     * Returns the name of every view of the environment, from every file, not only those read:
     * an alias that is no view's may be a subquery's. Asked only about names of protected
     * columns, so most compiles never scan for it.
     */
    private Set<String> viewNames() {
        if (viewNames == null) {
            viewNames = new java.util.HashSet<>();
            for (LookmlText file : files) {
                java.util.regex.Matcher view = VIEW_NAME.matcher(file.text());
                while (view.find()) {
                    viewNames.add(view.group(1));
                }
            }
        }
        return viewNames;
    }

    private Optional<FieldInfo> find(String view, String name) {
        FieldInfo exact = fields.get(new FieldKey(view, name));
        if (exact != null) {
            return Optional.of(exact);
        }
        for (FieldInfo group : groups.getOrDefault(view, List.of())) {
            if (name.startsWith(group.key.field()) && name.length() > group.key.field().length()
                    && name.charAt(group.key.field().length()) == '_') {
                return Optional.of(group);
            }
        }
        return Optional.empty();
    }

    /** Spreads reads and raw uses along substitutions; reports each reference to a raw field. */
    private void resolve() {
        boolean changed = true;
        for (int round = 0; changed && round < 50; round++) {
            changed = false;
            for (Reference reference : references) {
                if (reference.from() == null || reference.code() != Code.PHI_RAW_USE) {
                    continue;
                }
                Optional<FieldInfo> target = find(reference.view(), reference.field());
                if (target.isEmpty() || target.get() == reference.from()) {
                    continue;
                }
                changed |= reference.from().reads.addAll(target.get().reads);
                if (target.get().raw != null && reference.from().raw == null) {
                    reference.from().raw = use(reference, target.get());
                    changed = true;
                }
            }
        }
        for (Reference reference : references) {
            find(reference.view(), reference.field())
                    .filter(t -> t.raw != null && t != reference.from())
                    .ifPresent(target -> uses.add(use(reference, target)));
        }
    }

    private PhiUse use(Reference reference, FieldInfo target) {
        ProtectedColumn column = target.raw.column();
        String shows = reference.code() == Code.PHI_LIQUID_RAW ? "shows" : "substitutes";
        return new PhiUse(reference.path(), reference.at(), reference.token(), column,
                reference.code(),
                "`" + reference.token() + "` " + shows + " `" + target.key + "`, which reads "
                        + column.qualifiedName() + " raw",
                "treat the column where `" + target.key + "` reads it", Optional.of(target.raw));
    }
}
