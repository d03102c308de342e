package dev.storyc.datatest;

import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Position;
import dev.storyc.etl.SqlScript;
import dev.storyc.etl.SqlStatement;
import dev.storyc.lookml.model.View;
import dev.storyc.validate.FieldSql;
import dev.storyc.validate.LookmlProject;
import dev.storyc.validate.Resolved;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Collects an environment's data tests from its compiled output: each story's {@code
 * tests/<story>/*.sql}, and for every view with a {@code primary_key: yes} dimension a uniqueness
 * and a not-null test. The primary key guard is Looker's: a key that repeats makes symmetric
 * aggregates count a row twice across a fan-out join, silently.
 */
public final class DataTests {
    private DataTests() {}

    /** The tests to run, those storyc cannot run (with why), and the test files that are not one query. */
    public record Collected(List<DataTest> tests, List<TestOutcome> skipped, List<Diagnostic> problems) {
        public Collected {
            tests = List.copyOf(tests);
            skipped = List.copyOf(skipped);
            problems = List.copyOf(problems);
        }
    }

    /** What a data test that is not one query is told to be. */
    public static final String ONE_QUERY = "write a single SELECT (or WITH ... SELECT); it passes when it returns no rows";

    /**
     * Returns why a data test's statements are not one query, if they are not: storyc runs a test
     * as one query whose rows break the rule. {@code check} applies the same rule before anything
     * runs.
     */
    public static Optional<String> notOneQuery(String path, List<SqlStatement> statements) {
        String rule = "data test `" + path + "` must be one SELECT that returns the rows that break the rule; ";
        if (statements.size() != 1) {
            return Optional.of(rule + "it has " + statements.size() + " statements");
        }
        SqlStatement statement = statements.get(0);
        if (!statement.isQuery()) {
            return Optional.of(rule + "it is a" + (statement.firstWord().matches("[AEIOU].*") ? "n" : "") + " `"
                    + statement.firstWord() + "` statement");
        }
        if (!statement.nestedWrites().isEmpty()) {
            // A test runs in a read-only transaction, so this fails every run; and it would write.
            return Optional.of(rule + "its WITH runs " + statement.nestedWrites().get(0) + ", which writes");
        }
        return Optional.empty();
    }

    /**
     * Returns the tests of the given stories (all when {@code stories} is empty).
     *
     * @param testFiles story id to its test files, path to text, paths as they are reported
     * @param viewStories the story each view belongs to, so {@code --story} selects its key tests
     */
    public static Collected collect(
            Map<String, Map<String, String>> testFiles,
            LookmlProject project,
            Map<String, String> viewStories,
            Set<String> stories) {
        List<DataTest> tests = new ArrayList<>();
        List<TestOutcome> skipped = new ArrayList<>();
        List<Diagnostic> problems = new ArrayList<>();
        testFiles.forEach(
                (story, files) -> {
                    if (!stories.isEmpty() && !stories.contains(story)) {
                        return;
                    }
                    files.forEach(
                            (path, text) -> {
                                List<SqlStatement> statements = SqlScript.statements(path, text);
                                Optional<String> shape = notOneQuery(path, statements);
                                if (shape.isPresent()) {
                                    problems.add(Diagnostic.error(Code.DATA_TEST_SHAPE,
                                                    statements.isEmpty() ? Position.ofFile(path)
                                                            : statements.get(0).start(),
                                                    shape.get())
                                            .withHint(ONE_QUERY));
                                    return;
                                }
                                String name =
                                        story + "/" + fileName(path).replaceFirst("\\.sql$", "");
                                tests.add(
                                        new DataTest(
                                                name,
                                                story,
                                                DataTest.Kind.STORY,
                                                statements.get(0).text(),
                                                statements.get(0).start()));
                            });
                });
        for (View view : project.views()) {
            String story = viewStories.getOrDefault(view.name(), "");
            if (!stories.isEmpty() && !stories.contains(story)) {
                continue;
            }
            for (String key : project.primaryKeys(view.name()).stream().sorted().toList()) {
                primaryKey(project, view, key, story, tests, skipped);
            }
        }
        return new Collected(tests, skipped, problems);
    }

    /**
     * Adds a key's two tests to {@code tests}, or to {@code skipped} with the reason when they
     * cannot run: the key's SQL or its view's table holds Liquid or a constant only Looker fills
     * in, or names a field that is not there. Such tests vanished from the report; they are
     * counted and shown, as validate shows such fields.
     */
    private static void primaryKey(LookmlProject project, View view, String key, String story,
            List<DataTest> tests, List<TestOutcome> skipped) {
        FieldSql sql = new FieldSql(project, Map.of(view.name(), view.name()));
        var field = view.field(key).orElseThrow();
        Position at = field.position();
        String name = view.name() + "." + key;
        Resolved table = sql.table(view.name());
        Resolved column = sql.select(view.name(), field);
        if (!(table instanceof Resolved.Sql tableSql) || !(column instanceof Resolved.Sql columnSql)) {
            String why = whyNotRun(column instanceof Resolved.Sql ? table : column);
            skipped.add(TestOutcome.skipped(
                    new DataTest(name + " is unique", story, DataTest.Kind.PRIMARY_KEY_UNIQUE, "", at), why));
            skipped.add(TestOutcome.skipped(
                    new DataTest(name + " is not null", story, DataTest.Kind.PRIMARY_KEY_NOT_NULL, "", at), why));
            return;
        }
        String from = "FROM " + tableSql.sql() + " AS " + view.name();
        tests.add(new DataTest(name + " is unique", story, DataTest.Kind.PRIMARY_KEY_UNIQUE,
                "SELECT " + columnSql.sql() + " AS " + key + ", COUNT(*) AS copies\n" + from
                        + "\nGROUP BY " + columnSql.sql() + "\nHAVING COUNT(*) > 1",
                at));
        tests.add(new DataTest(name + " is not null", story, DataTest.Kind.PRIMARY_KEY_NOT_NULL,
                "SELECT *\n" + from + "\nWHERE " + columnSql.sql() + " IS NULL", at));
    }

    /** Returns why SQL that did not resolve cannot run, in validate's words. */
    private static String whyNotRun(Resolved resolved) {
        if (resolved instanceof Resolved.Unresolved unresolved) {
            return "it uses " + unresolved.reference() + ", but " + unresolved.why();
        }
        return resolved instanceof Resolved.Skipped skip ? skip.reason() : "";
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
