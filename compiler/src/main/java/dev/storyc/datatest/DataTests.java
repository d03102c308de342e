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

    /** The tests, and the test files that are not one query. */
    public record Collected(List<DataTest> tests, List<Diagnostic> problems) {
        public Collected {
            tests = List.copyOf(tests);
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
        if (statements.size() == 1 && statements.get(0).isQuery()) {
            return Optional.empty();
        }
        return Optional.of("data test `" + path + "` must be one SELECT that returns the rows that break the rule;"
                + " it has " + statements.size() + " statement(s)" + (statements.size() == 1 ? " that write" : ""));
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
                primaryKey(project, view, key, story).forEach(tests::add);
            }
        }
        return new Collected(tests, problems);
    }

    private static List<DataTest> primaryKey(
            LookmlProject project, View view, String key, String story) {
        FieldSql sql = new FieldSql(project, Map.of(view.name(), view.name()));
        var field = view.field(key).orElseThrow();
        if (!(sql.table(view.name()) instanceof Resolved.Sql table)
                || !(sql.select(view.name(), field) instanceof Resolved.Sql column)) {
            return List.of();
        }
        Position at = field.position();
        String from = "FROM " + table.sql() + " AS " + view.name();
        String name = view.name() + "." + key;
        return List.of(
                new DataTest(
                        name + " is unique",
                        story,
                        DataTest.Kind.PRIMARY_KEY_UNIQUE,
                        "SELECT "
                                + column.sql()
                                + " AS "
                                + key
                                + ", COUNT(*) AS copies\n"
                                + from
                                + "\nGROUP BY "
                                + column.sql()
                                + "\nHAVING COUNT(*) > 1",
                        at),
                new DataTest(
                        name + " is not null",
                        story,
                        DataTest.Kind.PRIMARY_KEY_NOT_NULL,
                        "SELECT *\n" + from + "\nWHERE " + column.sql() + " IS NULL",
                        at));
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
