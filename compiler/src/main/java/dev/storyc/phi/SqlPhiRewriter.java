package dev.storyc.phi;

import dev.storyc.check.SchemaTables;
import dev.storyc.check.TableName;
import dev.storyc.diag.Code;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies one environment's PHI policy to the SQL it compiles: ETL jobs, schema scripts and
 * derived tables. Wherever a protected value is stored in another table, the compiled SQL treats
 * it at load time, so a warehouse whose policy forbids a class never receives its raw values:
 *
 * <ul>
 *   <li>a value stored into a <em>classified</em> column (the ETL that loads {@code patients.mrn}
 *       from the raw feed) is wrapped whole in the treatment of that column's class, its output
 *       name kept; a plain copy from a column of the same class is left alone, since that column
 *       was treated when it was loaded, and treating a pseudonym again would break joins;</li>
 *   <li>a protected column read into any other stored column is wrapped where it is read, in the
 *       treatment of its own class, so expressions over it ({@code EXTRACT(YEAR FROM birth_date)},
 *       {@code first_name || ' ' || last_name}) compute on the treated value and keep their
 *       types.</li>
 * </ul>
 *
 * Where the analysis cannot see ({@link SqlOpaque}), a protected column behind it is an error at
 * that place: the rewrite is never a guess. Rewriting inserts text within lines, so every line
 * keeps its number and diagnostics about the compiled output still point at the template line.
 * The same pass over already compiled SQL finds nothing left to do; {@link #rawUses} is that pass
 * as the proof check's predicate.
 */
public final class SqlPhiRewriter {
    private static final String MARK = "\u0000";

    private final Classification classification;
    private final PhiPolicy policy;
    private final List<SchemaTables.Table> schema;
    private final SqlCatalog catalog;

    /** Returns a rewriter for one environment's classification, policy and schema tables. */
    public SqlPhiRewriter(Classification classification, PhiPolicy policy,
            List<SchemaTables.Table> schema) {
        this(classification, policy, schema, view -> Optional.empty());
    }

    /**
     * Returns a rewriter that also knows the environment's LookML views, for the {@code
     * ${view.SQL_TABLE_NAME}} of derived tables.
     */
    public SqlPhiRewriter(Classification classification, PhiPolicy policy,
            List<SchemaTables.Table> schema,
            java.util.function.Function<String, Optional<SqlColumns.LookmlView>> views) {
        this.classification = classification;
        this.policy = policy;
        this.schema = List.copyOf(schema);
        this.catalog = new SqlCatalog(schema, views);
    }

    /** SQL with the environment's treatments applied, and what could not be treated. */
    public record Rewritten(String text, List<SqlPhiFinding> problems) {
        public Rewritten {
            problems = List.copyOf(problems);
        }
    }

    /** Returns true when this rewriter was made for exactly this classification and policy. */
    boolean serves(Classification classification, PhiPolicy policy) {
        return this.classification == classification && this.policy.equals(policy);
    }

    /** Returns true when the policy forbids a class some column has: there is work to do. */
    public boolean active() {
        return !classification.isEmpty() && !policy.allowsEverything();
    }

    /**
     * Rewrites an ETL job's SQL or a schema script; {@code jobTarget} is the table an ETL job in
     * query mode loads by column name.
     */
    public Rewritten script(String sql, Optional<TableName> jobTarget) {
        if (!active()) {
            return new Rewritten(sql, List.of());
        }
        Pass pass = new Pass(sql);
        SqlScriptFlow flow = SqlFlowAnalysis.ofScript(sql, catalog);
        for (SqlWrite write : flow.writes()) {
            pass.write(write, write.kind() == SqlWrite.Kind.QUERY ? jobTarget : write.target());
        }
        for (SqlScriptFlow.Unread unread : flow.unread()) {
            pass.unread(unread);
        }
        return new Rewritten(pass.edits.apply(sql), pass.problems());
    }

    /** Rewrites a derived table's {@code sql}: a query whose columns a view reads. */
    public Rewritten derivedTable(String sql) {
        if (!active()) {
            return new Rewritten(sql, List.of());
        }
        Pass pass = new Pass(sql);
        SqlShape shape = SqlFlowAnalysis.ofQuery(sql, catalog);
        pass.write(new SqlWrite(SqlWrite.Kind.QUERY, Optional.empty(), 0, List.of(), shape),
                Optional.empty());
        return new Rewritten(pass.edits.apply(sql), pass.problems());
    }

    /**
     * Returns every place where compiled SQL still stores a protected value untreated ({@link
     * Code#PHI_RAW_USE}) or where storyc cannot tell: the proof check's predicate over an ETL
     * job, a schema script ({@code derived = false}) or a derived table's SQL.
     */
    public List<SqlPhiFinding> rawUses(String sql, Optional<TableName> jobTarget,
            boolean derived) {
        if (!active()) {
            return List.of();
        }
        Rewritten again = derived ? derivedTable(sql) : script(sql, jobTarget);
        List<SqlPhiFinding> found = new ArrayList<>(again.problems());
        if (!again.text().equals(sql)) {
            Pass pass = new Pass(sql);
            // Re-run to learn where each remaining edit is, with the column it treats.
            if (derived) {
                pass.write(new SqlWrite(SqlWrite.Kind.QUERY, Optional.empty(), 0, List.of(),
                        SqlFlowAnalysis.ofQuery(sql, catalog)), Optional.empty());
            } else {
                for (SqlWrite write : SqlFlowAnalysis.ofScript(sql, catalog).writes()) {
                    pass.write(write, write.kind() == SqlWrite.Kind.QUERY ? jobTarget
                            : write.target());
                }
            }
            pass.treated.forEach((offset, column) -> found.add(new SqlPhiFinding(
                    Code.PHI_RAW_USE, offset, "`" + column.qualifiedName() + "` ("
                    + column.phiClass().spelling() + ") is stored untreated",
                    "compile the SQL with storyc, which treats it at load time (docs/phi.md)",
                    Optional.of(column))));
        }
        found.sort(java.util.Comparator.comparingInt(SqlPhiFinding::offset));
        return found;
    }

    /** The protected column a read means, when the policy does not allow its class. */
    private Optional<ProtectedColumn> forbidden(SqlColumnRead read) {
        return classification.classOf(read.table().table(), read.column())
                .filter(c -> !policy.treatmentOf(c.phiClass()).exposesRawValues());
    }

    /** One rewrite of one text: the edits it makes and the problems it finds. */
    private final class Pass {
        private final String sql;
        private final SqlEdits edits = new SqlEdits();
        private final Map<String, SqlPhiFinding> problems = new LinkedHashMap<>();
        /** Where each treatment was added, and the column it treats. */
        private final Map<Integer, ProtectedColumn> treated = new LinkedHashMap<>();

        Pass(String sql) {
            this.sql = sql;
        }

        List<SqlPhiFinding> problems() {
            return List.copyOf(problems.values());
        }

        void write(SqlWrite write, Optional<TableName> target) {
            List<String> names = targetNames(write, target);
            List<SqlProduced> columns = write.shape().columns();
            boolean positionsKnown = write.shape().stars().isEmpty();
            List<String> mapped = new ArrayList<>();
            for (int k = 0; k < columns.size(); k++) {
                SqlProduced produced = columns.get(k);
                if (produced instanceof SqlProduced.Star star) {
                    star(star);
                    continue;
                }
                SqlProduced.Column column = (SqlProduced.Column) produced;
                String name = positionsKnown && names != null && k < names.size()
                        ? names.get(k) : null;
                if (name != null) {
                    mapped.add(name);
                }
                Optional<ProtectedColumn> into = target.isPresent() && name != null
                        ? classification.classOf(target.get().table(), name)
                                .filter(c -> !policy.treatmentOf(c.phiClass()).exposesRawValues())
                        : Optional.empty();
                if (into.isPresent()) {
                    intoClassified(column, into.get(), write.kind());
                } else {
                    elsewhere(column);
                }
            }
            for (SqlOpaque opaque : write.shape().opaque()) {
                opaque(opaque);
            }
            target.ifPresent(t -> unmapped(write, t, mapped));
        }

        /** Returns the target column of each position, or null when they cannot be known. */
        private List<String> targetNames(SqlWrite write, Optional<TableName> target) {
            if (!write.columns().isEmpty()) {
                return write.columns();
            }
            if (write.kind() == SqlWrite.Kind.INSERT) {
                return target.flatMap(t -> SqlCatalog.ordered(schema, t)).orElse(null);
            }
            List<String> names = new ArrayList<>();
            for (SqlProduced produced : write.shape().columns()) {
                names.add(produced instanceof SqlProduced.Column c ? c.name().orElse(null)
                        : null);
            }
            return names;
        }

        /** Reports the forbidden classified columns of the target no position is known to load. */
        private void unmapped(SqlWrite write, TableName target, List<String> mapped) {
            for (ProtectedColumn column : classification.columnsOf(target.table()).values()) {
                if (policy.treatmentOf(column.phiClass()).exposesRawValues()
                        || mapped.contains(column.column())) {
                    continue;
                }
                boolean unknown = !write.shape().stars().isEmpty()
                        || write.kind() == SqlWrite.Kind.INSERT && write.columns().isEmpty()
                                && SqlCatalog.ordered(schema, target).isEmpty();
                if (unknown) {
                    problem(Code.PHI_SQL_TARGET_UNKNOWN, write.offset(), "storyc cannot tell which"
                            + " value this statement stores in `" + column.qualifiedName()
                            + "` (" + column.phiClass().spelling() + "), so it cannot treat it",
                            "name the target columns and the select list's columns one by one",
                            column);
                }
            }
        }

        private void intoClassified(SqlProduced.Column column, ProtectedColumn into,
                SqlWrite.Kind kind) {
            if (copiesSameClass(column, into)) {
                return;
            }
            Treatment treatment = policy.treatmentOf(into.phiClass());
            for (SqlItem item : column.items()) {
                String text = sql.substring(item.start(), item.end());
                if (isTreated(treatment, into, text)) {
                    continue;
                }
                String alias = !item.aliased() && kind != SqlWrite.Kind.UPDATE
                        ? item.name().map(n -> " AS " + quoted(n)).orElse("") : "";
                edits.replace(item.start(), item.end(),
                        keepingLines(text, TreatmentSql.render(treatment, into, text) + alias));
                treated.putIfAbsent(item.start(), into);
            }
        }

        /** Returns true when every branch stores a plain copy of a column of the same class. */
        private boolean copiesSameClass(SqlProduced.Column column, ProtectedColumn into) {
            for (SqlItem item : column.items()) {
                if (item.reads().size() != 1 || !item.opaque().isEmpty()
                        || !item.reads().get(0).copied()) {
                    return false;
                }
                SqlColumnRead read = item.reads().get(0);
                Optional<ProtectedColumn> from =
                        classification.classOf(read.table().table(), read.column());
                if (from.isEmpty() || from.get().phiClass() != into.phiClass()
                        || !from.get().generalization().equals(into.generalization())) {
                    return false;
                }
            }
            return true;
        }

        private void elsewhere(SqlProduced.Column column) {
            for (SqlItem item : column.items()) {
                item.opaque().forEach(this::opaque);
                for (SqlColumnRead read : item.reads()) {
                    Optional<ProtectedColumn> source = forbidden(read);
                    if (source.isEmpty()) {
                        continue;
                    }
                    Treatment treatment = policy.treatmentOf(source.get().phiClass());
                    if (TreatmentSql.isTreated(treatment, source.get(), sql, read.start(),
                            read.end())) {
                        continue;
                    }
                    String alias = read.bareName().map(n -> " AS " + quoted(n)).orElse("");
                    String text = sql.substring(read.start(), read.end());
                    edits.replace(read.start(), read.end(), keepingLines(text,
                            TreatmentSql.render(treatment, source.get(), text) + alias));
                    treated.putIfAbsent(read.start(), source.get());
                }
            }
        }

        private void star(SqlProduced.Star star) {
            SqlFlow expanded = SqlScope.expand(star.relations(), new SqlScope.Reference(
                    star.offset(), star.offset() + star.text().length(), Optional.empty()));
            expanded.opaque().forEach(this::opaque);
            opaque(new SqlOpaque("`" + star.text() + "`", star.offset(), expanded.reads(),
                    false));
        }

        private void opaque(SqlOpaque opaque) {
            Optional<ProtectedColumn> behind = opaque.behind().stream().map(r -> forbidden(r))
                    .flatMap(Optional::stream).findFirst();
            boolean star = opaque.what().endsWith("*`");
            if (behind.isPresent()) {
                ProtectedColumn column = behind.get();
                String what = "`" + column.qualifiedName() + "` ("
                        + column.phiClass().spelling() + ")";
                if (star) {
                    problem(Code.PHI_SQL_STAR, opaque.offset(), opaque.what() + " copies " + what
                            + ", which storyc cannot treat inside a star",
                            "list the columns instead; storyc then treats each protected one",
                            column);
                } else {
                    problem(Code.PHI_SQL_UNKNOWN_FUNCTION, opaque.offset(), what
                            + " passes through " + opaque.what() + ", so storyc cannot treat"
                            + " it safely", "storyc rewrites through PostgreSQL's and Redshift's"
                            + " built-in functions only: a function it does not know may read"
                            + " tables itself or need the raw value", column);
                }
            } else if (opaque.unbounded()) {
                problem(Code.PHI_SQL_UNFOLLOWED, opaque.offset(), "a stored column reads "
                        + opaque.what() + ", which storyc cannot follow where protected columns"
                        + " are treated",
                        "name the tables and columns the value comes from, so storyc can tell"
                        + " whether it is protected", null);
            }
        }

        void unread(SqlScriptFlow.Unread unread) {
            Optional<ProtectedColumn> touched = unread.tables().stream()
                    .flatMap(t -> classification.columnsOf(t.table()).values().stream())
                    .filter(c -> !policy.treatmentOf(c.phiClass()).exposesRawValues())
                    .findFirst();
            if (unread.bounded() && touched.isEmpty()) {
                return;
            }
            problem(Code.PHI_SQL_UNREAD, unread.where().offset(), unread.where().what()
                    + " may copy protected columns",
                    "load with INSERT ... SELECT or a query, which storyc can treat column by"
                    + " column", touched.orElse(null));
        }

        private void problem(Code code, int offset, String message, String hint,
                ProtectedColumn column) {
            problems.putIfAbsent(code.id() + "@" + offset, new SqlPhiFinding(code, offset,
                    message, hint, Optional.ofNullable(column)));
        }
    }

    /** Returns true when {@code text} already is the treatment of some value of the column. */
    private static boolean isTreated(Treatment treatment, ProtectedColumn column, String text) {
        String rendered = TreatmentSql.render(treatment, column, MARK);
        int mark = rendered.indexOf(MARK);
        if (mark < 0) {
            return text.strip().equals(rendered);
        }
        return text.startsWith(rendered.substring(0, mark))
                && text.endsWith(rendered.substring(mark + MARK.length()));
    }

    /**
     * Returns {@code replacement} with as many line breaks as {@code original} had: a redacted
     * value is a constant, and the CASE it replaces may span lines that later diagnostics count.
     */
    private static String keepingLines(String original, String replacement) {
        long missing = original.chars().filter(c -> c == '\n').count()
                - replacement.chars().filter(c -> c == '\n').count();
        return missing > 0 ? replacement + "\n".repeat((int) missing) : replacement;
    }

    /** Quotes a name that would not survive as written: upper case, spaces. */
    private static String quoted(String name) {
        return name.matches("[a-z_][a-z0-9_$]*") ? name : "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
