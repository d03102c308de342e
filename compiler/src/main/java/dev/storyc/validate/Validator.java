package dev.storyc.validate;

import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Position;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Runs a {@link ValidationPlan} and finds every failing field with as few queries as it can.
 *
 * <p>Batches go to the database {@link #ROUND_TRIP} at a time in one round trip; on a healthy
 * project that is the whole run. A failing batch is then run alone, and the server's error
 * <em>position</em> names the failing part directly: the validator knows where each field, join and
 * table sits in the text it sent. The blamed field is reported and removed, and the rest runs
 * again, so k failing fields cost k + 1 queries. Spectacles' binary search costs about k log2(n)
 * for n fields; here bisection is only the fallback for an error that carries no position.
 */
public final class Validator {
    /**
     * PostgreSQL's object_not_in_prerequisite_state: the relation exists but cannot be read, as a
     * materialized view created WITH NO DATA.
     */
    private static final String OBJECT_NOT_READY = "55000";

    /** How many queries share a round trip. */
    public static final int ROUND_TRIP = 100;

    private final SqlExecutor database;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final Set<String> reported = new HashSet<>();
    private int validated;
    private int notValidated;
    private int queries;
    private int roundTrips;

    private Validator(SqlExecutor database) {
        this.database = database;
    }

    /** Validates the plan's batches against {@code database}. */
    public static ValidationResult run(ValidationPlan plan, SqlExecutor database) {
        Validator validator = new Validator(database);
        validator.diagnostics.addAll(plan.problems());
        List<Batch> batches = plan.batches();
        for (int start = 0; start < batches.size(); start += ROUND_TRIP) {
            List<Batch> group =
                    batches.subList(start, Math.min(batches.size(), start + ROUND_TRIP));
            validator.group(group);
        }
        return validator.result(plan);
    }

    /**
     * Runs each batch once in a round trip of its own and blames the part the error points at,
     * without retrying: the naive baseline ({@code validate --strategy per_field}) that the
     * benchmark compares {@link #run} with. Over a per-field plan it is one query per field.
     */
    public static ValidationResult runEach(ValidationPlan plan, SqlExecutor database) {
        Validator validator = new Validator(database);
        validator.diagnostics.addAll(plan.problems());
        for (Batch batch : plan.batches()) {
            Batch.Rendered rendered = batch.render();
            Optional<SqlExecutor.SqlFailure> failure = validator.send(rendered.sql());
            if (failure.isEmpty()) {
                validator.validated += batch.fields().size();
                continue;
            }
            SqlExecutor.SqlFailure error = failure.get();
            Optional<Batch.Region> region =
                    error.position() > 0 ? rendered.regionAt(error.position()) : Optional.empty();
            if (region.isPresent() && region.get() instanceof Batch.Region.Join join) {
                batch.from().joins().stream()
                        .filter(j -> j.alias().equals(join.alias()))
                        .findFirst()
                        .ifPresent(j -> validator.joinFailed(batch.from(), j, error,
                                error.position() - 1 - join.onStart()));
                validator.notValidated += batch.fields().size();
            } else if (region.isPresent() && region.get() instanceof Batch.Region.Table table) {
                validator.tableFailed(batch.from(), error, error.position() - 1 - table.start());
                validator.notValidated += batch.fields().size();
            } else {
                batch.fields().forEach(field -> validator.fieldFailed(field, error));
            }
        }
        return validator.result(plan);
    }

    /** Returns what this validator found over {@code plan}. */
    private ValidationResult result(ValidationPlan plan) {
        reportFieldFailures();
        return new ValidationResult(
                diagnostics, validated, notValidated, plan.skipped(), queries, roundTrips);
    }

    /**
     * Sends a group of batches in one round trip; when one of them fails, halves the group until
     * the failing batches stand alone, so one bad batch in a hundred costs seven round trips, not a
     * hundred.
     */
    private void group(List<Batch> group) {
        if (group.size() == 1) {
            isolate(group.get(0));
            return;
        }
        roundTrips++;
        queries += group.size();
        if (database.runAll(group.stream().map(b -> b.render().sql()).toList())) {
            group.forEach(b -> validated += b.fields().size());
            return;
        }
        int middle = group.size() / 2;
        group(group.subList(0, middle));
        group(group.subList(middle, group.size()));
    }

    /** Runs a batch and, while it fails, removes what the failure blames and runs the rest. */
    private void isolate(Batch batch) {
        Batch current = batch;
        while (true) {
            Batch.Rendered rendered = current.render();
            Optional<SqlExecutor.SqlFailure> failure = send(rendered.sql());
            if (failure.isEmpty()) {
                validated += current.fields().size();
                return;
            }
            SqlExecutor.SqlFailure error = failure.get();
            Optional<Batch.Region> region =
                    error.position() > 0 ? rendered.regionAt(error.position()) : Optional.empty();
            if (region.isPresent() && region.get() instanceof Batch.Region.Field field) {
                fieldFailed(current.fields().get(field.index()), error, error.position() - 1 - field.start());
                current = current.withoutField(field.index());
            } else if (region.isPresent() && region.get() instanceof Batch.Region.Join join) {
                QueryParts.Join failed =
                        current.from().joins().stream()
                                .filter(j -> j.alias().equals(join.alias()))
                                .findFirst()
                                .orElseThrow();
                joinFailed(current.from(), failed, error, error.position() - 1 - join.onStart());
                List<QueryParts.FieldQuery> dropped = new ArrayList<>();
                current = current.withoutJoin(join.alias(), dropped);
                notValidated += dropped.size();
            } else if (region.isPresent()) {
                tableFailed(current.from(), error, error.position() - 1 - region.get().start());
                notValidated += current.fields().size();
                return;
            } else {
                bisect(current, error);
                return;
            }
        }
    }

    /**
     * Splits a batch whose failure named no position, down to the field that fails alone. A
     * failure of the view's table itself, such as a materialized view never refreshed, is the
     * table's: split down, it was blamed on whichever field came first, with a hint about
     * dropped columns. One that a field's own subquery reads is the field's.
     */
    private void bisect(Batch batch, SqlExecutor.SqlFailure error) {
        if (OBJECT_NOT_READY.equals(error.sqlState()) && namesTheTable(error, batch.from())) {
            tableFailed(batch.from(), error, -1);
            notValidated += batch.fields().size();
            return;
        }
        if (batch.fields().size() == 1) {
            fieldFailed(batch.fields().get(0), error);
            return;
        }
        if (batch.fields().isEmpty()) {
            fromFailed(batch.from(), error);
            return;
        }
        int middle = batch.fields().size() / 2;
        isolate(batch.slice(0, middle));
        isolate(batch.slice(middle, batch.fields().size()));
    }

    /**
     * Returns whether the server's message quotes the view's own table: PostgreSQL names the
     * relation without its schema ({@code materialized view "product_mv" has not been populated}).
     */
    private static boolean namesTheTable(SqlExecutor.SqlFailure error, QueryParts.From from) {
        String table = from.table().strip();
        String name = table.substring(table.lastIndexOf('.') + 1).replace("\"", "");
        return error.message().contains("\"" + name + "\"");
    }

    private Optional<SqlExecutor.SqlFailure> send(String sql) {
        roundTrips++;
        queries++;
        return database.run(sql);
    }

    /** A field that failed, kept until the end of the run ({@link #reportFieldFailures}). */
    /** A failed field, and the 0-based offset in its SQL the server blamed, or -1. */
    private record FieldFailure(QueryParts.FieldQuery field, SqlExecutor.SqlFailure error, int offset) {}

    private final List<FieldFailure> fieldFailures = new ArrayList<>();

    private void fieldFailed(QueryParts.FieldQuery field, SqlExecutor.SqlFailure error) {
        fieldFailed(field, error, -1);
    }

    private void fieldFailed(QueryParts.FieldQuery field, SqlExecutor.SqlFailure error, int offset) {
        fieldFailures.add(new FieldFailure(field, error, offset));
    }

    /**
     * Reports each failed field once the run has found them all, except a field that fails only
     * because it uses another that failed the same way: its SQL holds the other's, and the
     * database said the same. One misspelt function was reported at its field and again at every
     * field built on it, each blaming correct code (round 13); those count as not validated.
     */
    private void reportFieldFailures() {
        for (FieldFailure failure : fieldFailures) {
            String sql = failure.field().sql();
            boolean behind = fieldFailures.stream().anyMatch(other -> other != failure
                    && other.error().message().equals(failure.error().message())
                    && !other.field().sql().isBlank()
                    && sql.length() > other.field().sql().length()
                    && sql.contains(other.field().sql()));
            if (behind) {
                notValidated++;
            } else {
                reportField(failure.field(), failure.error(), failure.offset());
            }
        }
        fieldFailures.clear();
    }

    private void reportField(QueryParts.FieldQuery field, SqlExecutor.SqlFailure error, int offset) {
        String where = field.alias().equals(field.view()) ? "" : " (as `" + field.alias() + "`)";
        report(
                Code.VALIDATE_FIELD_FAILED,
                field.at(offset),
                (field.measure() ? "measure" : "dimension")
                        + " `"
                        + field.view()
                        + "."
                        + field.field()
                        + "`"
                        + where
                        + " fails in the database: "
                        + error.message(),
                fieldHint(error.sqlState()));
    }

    /**
     * Returns what to do about a field's failure, by its SQLSTATE: the hint said a column may
     * have been dropped or renamed whatever failed, a misspelt function or a type mismatch too.
     */
    static String fieldHint(String sqlState) {
        return switch (String.valueOf(sqlState)) {
            case "42703", "42P01" -> "the column or table it reads may have been dropped or renamed; compare with"
                    + " the story's deploy.sql";
            case "42883" -> "check the function's or operator's name, and the types of what it is given: the"
                    + " message names the types the database found";
            case "42804", "22P02", "42846" -> "the types do not fit: cast one side, or compare like with like";
            case "42601" -> "the field's SQL does not parse once ${...} is filled in; check its parentheses and"
                    + " commas";
            default -> "run the field's SQL in the warehouse to see why, with ${TABLE} and ${...} filled in";
        };
    }

    /** Reports a join, at the token the server blamed when {@code offset} is in its own sql_on text. */
    private void joinFailed(
            QueryParts.From from, QueryParts.Join join, SqlExecutor.SqlFailure error, int offset) {
        report(
                Code.VALIDATE_JOIN_FAILED,
                join.at(offset),
                "join `"
                        + join.alias()
                        + "` of explore `"
                        + from.explore()
                        + "` fails in the database: "
                        + error.message(),
                "check the columns its sql_on names on both sides, and the joined view's table");
    }

    /**
     * Reports a view's table, at the token the server blamed when {@code offset} is in its own
     * text; a derived table's SQL was reported at its first token, and told to fix a
     * sql_table_name it does not have.
     */
    private void tableFailed(QueryParts.From from, SqlExecutor.SqlFailure error, int offset) {
        String hint;
        if (OBJECT_NOT_READY.equals(error.sqlState())) {
            hint = "the table is there but cannot be read yet: a materialized view created WITH NO DATA"
                    + " needs REFRESH MATERIALIZED VIEW, which its story's ETL job can run";
        } else if (from.derived()) {
            hint = "fix the derived table's SQL, or deploy the story that creates the tables it reads"
                    + " (storyc warehouse apply); run it in the warehouse, with ${...} filled in, to see why";
        } else {
            hint = "deploy the story that creates it (storyc warehouse apply), or fix sql_table_name";
        }
        report(Code.VALIDATE_TABLE_FAILED, from.tableAt(offset),
                (from.derived() ? "the derived table of view `" : "the table of view `") + from.view()
                        + "` fails in the database: " + error.message(),
                hint);
    }

    private void fromFailed(QueryParts.From from, SqlExecutor.SqlFailure error) {
        Position at =
                from.joins().isEmpty()
                        ? from.tableAt()
                        : from.joins().get(from.joins().size() - 1).at();
        report(
                Code.VALIDATE_JOIN_FAILED,
                at,
                (from.explore().isEmpty()
                                ? "view `" + from.view() + "`"
                                : "explore `" + from.explore() + "`")
                        + " fails in the database: "
                        + error.message(),
                "the server named no position; check the view's table and each join's sql_on");
    }

    private void report(Code code, Position at, String message, String hint) {
        if (reported.add(code.id() + at + message)) {
            diagnostics.add(Diagnostic.error(code, at, message).withHint(hint));
        }
    }
}
