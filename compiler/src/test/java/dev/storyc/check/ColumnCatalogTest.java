package dev.storyc.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The column lists of tables, built from schema scripts in plan order. */
class ColumnCatalogTest {
    static Stream<Arguments> scripts() {
        return Stream.of(
                row(
                        "CREATE TABLE s.t (a INT NOT NULL, \"B\" TEXT, c NUMERIC(12,2), PRIMARY KEY"
                            + " (a))",
                        "s.t",
                        List.of("a", "B", "c")),
                row(
                        "CREATE TABLE IF NOT EXISTS s.t (a INT, CONSTRAINT k UNIQUE (a), b INT"
                            + " DEFAULT f(1, 2)) DISTSTYLE KEY SORTKEY (a)",
                        "s.t",
                        List.of("a", "b")),
                row(
                        "CREATE TABLE s.t (a INT); ALTER TABLE s.t ADD COLUMN b INT; ALTER TABLE"
                            + " s.t ADD c TEXT",
                        "s.t",
                        List.of("a", "b", "c")),
                row(
                        "CREATE TABLE s.t (a INT, b INT); ALTER TABLE s.t DROP COLUMN IF EXISTS a",
                        "s.t",
                        List.of("b")),
                row(
                        "CREATE TABLE s.t (a INT, b INT); ALTER TABLE s.t RENAME COLUMN a TO z",
                        "s.t",
                        List.of("z", "b")),
                row("CREATE TABLE s.t (a INT); ALTER TABLE s.t RENAME TO u", "s.u", List.of("a")),
                row(
                        "CREATE TABLE s.t (a INT, b INT); CREATE TABLE s.u (LIKE s.t)",
                        "s.u",
                        List.of("a", "b")),
                row(
                        "CREATE TABLE s.t AS SELECT x.a, b AS bee, LOWER(c) cee, COUNT(*) AS n FROM"
                            + " x GROUP BY 1",
                        "s.t",
                        List.of("a", "bee", "cee", "n")),
                row(
                        "CREATE OR REPLACE VIEW s.v AS WITH w AS (SELECT 1 AS q) SELECT DISTINCT"
                            + " w.q, 'k' AS kind FROM w",
                        "s.v",
                        List.of("q", "kind")),
                row(
                        "CREATE VIEW s.v (one, two) AS SELECT a, b FROM s.t",
                        "s.v",
                        List.of("one", "two")),
                row(
                        "CREATE MATERIALIZED VIEW s.m AS SELECT a -- the key\n, /* b */ c FROM s.t",
                        "s.m",
                        List.of("a", "c")));
    }

    static Arguments row(String sql, String table, List<String> columns) {
        return Arguments.of(sql, table, columns);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void readsTheColumnsOfEachTable(String sql, String table, List<String> columns) {
        var tables = ColumnCatalog.build(List.of(new ColumnCatalog.Script("s", "deploy.sql", sql)));
        Optional<ColumnCatalog.Columns> found =
                tables.lookup(TableName.parse(table).orElseThrow());
        assertThat(found).as("%s", tables).isPresent();
        assertThat(found.get().unknownBecause()).isEmpty();
        assertThat(found.get().names()).containsExactlyElementsOf(columns);
    }

    @Test
    void aSelectStarOrAnUnnamedExpressionLeavesTheColumnsUnknownWithTheReason() {
        var tables =
                ColumnCatalog.build(
                        List.of(
                                new ColumnCatalog.Script(
                                        "s",
                                        "deploy.sql",
                                        "CREATE VIEW s.v AS SELECT t.* FROM s.t; CREATE TABLE s.w"
                                            + " AS SELECT a + b FROM s.t")));
        assertThat(table(tables, "s.v").unknownBecause()).contains("its select list has `t.*`");
        assertThat(table(tables, "s.w").unknownBecause().orElseThrow()).contains("without a name");
    }

    @Test
    void laterScriptsChangeWhatEarlierOnesMadeInPlanOrder() {
        var tables =
                ColumnCatalog.build(
                        List.of(
                                new ColumnCatalog.Script(
                                        "patients",
                                        "stories/patients/schema/deploy.sql",
                                        "CREATE TABLE a.p (id INT, mrn TEXT);"),
                                new ColumnCatalog.Script(
                                        "patients-v2",
                                        "schema/changes/002.sql",
                                        "ALTER TABLE a.p ADD COLUMN zip3 CHAR(3); ALTER TABLE a.p"
                                            + " DROP COLUMN mrn;"),
                                new ColumnCatalog.Script(
                                        "cleanup",
                                        "schema/changes/003.sql",
                                        "DROP TABLE IF EXISTS a.gone;")));
        assertThat(table(tables, "a.p").names()).containsExactly("id", "zip3");
        assertThat(table(tables, "a.p").script().story()).isEqualTo("patients-v2");
        assertThat(table(tables, "a.p").created().story()).isEqualTo("patients");
        assertThat(
                        ColumnCatalog.build(
                                List.of(
                                        new ColumnCatalog.Script(
                                                "x",
                                                "d.sql",
                                                "CREATE TABLE a.t (x INT); DROP TABLE a.t;")))
                                .values())
                .isEmpty();
    }

    @Test
    void aSecondCreateOfATableThatExistsLeavesItsColumnsAsTheFirstMadeThem() {
        var tables = ColumnCatalog.build(List.of(
                new ColumnCatalog.Script("claims", "stories/claims/schema/deploy.sql",
                        "CREATE TABLE a.claims (claim_id INT, amount NUMERIC);"),
                new ColumnCatalog.Script("other", "stories/other/schema/deploy.sql",
                        "CREATE TABLE IF NOT EXISTS a.claims (x INT); CREATE TABLE a.claims (y INT);"
                                + " CREATE OR REPLACE VIEW a.v AS SELECT 1 AS one;"
                                + " CREATE OR REPLACE VIEW a.v AS SELECT 2 AS two;")));

        // IF NOT EXISTS leaves the table be; a plain CREATE fails on the server (E0608 says so).
        assertThat(table(tables, "a.claims").names()).containsExactly("claim_id", "amount");
        assertThat(table(tables, "a.claims").script().story()).isEqualTo("claims");
        assertThat(table(tables, "a.v").names()).containsExactly("two");
    }

    static Stream<Arguments> missingColumns() {
        return Stream.of(
                Arguments.of("ALTER TABLE s.t DROP COLUMN regoin", "drops regoin"),
                Arguments.of("ALTER TABLE ONLY s.t DROP regoin, DROP COLUMN b", "drops regoin"),
                Arguments.of("ALTER TABLE IF EXISTS s.t RENAME COLUMN \"A\" TO z", "renames A"),
                Arguments.of("ALTER TABLE s.t RENAME nope TO z", "renames nope"),
                Arguments.of("ALTER TABLE s.t DROP COLUMN a; ALTER TABLE s.t DROP COLUMN a", "drops a"),
                Arguments.of("ALTER TABLE s.t DROP COLUMN IF EXISTS regoin", ""),
                Arguments.of("ALTER TABLE s.t DROP CONSTRAINT k, DROP CONSTRAINT IF EXISTS j", ""),
                Arguments.of("ALTER TABLE s.t RENAME CONSTRAINT k TO j", ""),
                Arguments.of("ALTER TABLE s.t ADD COLUMN c INT; ALTER TABLE s.t DROP c", ""),
                Arguments.of("ALTER TABLE s.t RENAME a TO c; ALTER TABLE s.t DROP COLUMN c", ""),
                Arguments.of("ALTER TABLE s.elsewhere DROP COLUMN anything", ""),
                Arguments.of("CREATE VIEW s.v AS SELECT * FROM s.t; ALTER TABLE s.v RENAME COLUMN x TO y", ""),
                // What a DO block does is not read: its tables' columns are unknown from then on.
                Arguments.of("DO $$ BEGIN EXECUTE 'ALTER TABLE s.t ADD COLUMN d1 int'; END $$;"
                        + " ALTER TABLE s.t DROP COLUMN d1", ""),
                Arguments.of("DO $$ BEGIN PERFORM 1; END $$; ALTER TABLE s.t DROP COLUMN d1", "drops d1"),
                Arguments.of("DO $$ BEGIN PERFORM 1 FROM s.other; END $$; ALTER TABLE s.t DROP COLUMN d1",
                        "drops d1"));
    }

    /** What the server refuses: a column dropped without IF EXISTS, or renamed, that is not there. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("missingColumns")
    void recordsAColumnDroppedOrRenamedThatTheTableLacks(String change, String expected) {
        String base = "CREATE TABLE s.t (a INT, b INT, CONSTRAINT k UNIQUE (a));\n";
        ColumnTables tables = ColumnCatalog.build(List.of(
                new ColumnCatalog.Script("s", "deploy.sql", base),
                new ColumnCatalog.Script("s", "changes/01-x/deploy.sql", change)));

        List<String> found = tables.missing().stream().map(m -> m.verb() + " " + m.column()).toList();
        assertThat(String.join(", ", found)).isEqualTo(expected);
        tables.missing().forEach(m -> {
            assertThat(m.script().path()).isEqualTo("changes/01-x/deploy.sql");
            assertThat(change.substring(m.offset())).startsWith(m.column().equals("A") ? "\"A\"" : m.column());
            assertThat(m.table()).isEqualTo("s.t");
        });
    }

    private static ColumnCatalog.Columns table(ColumnTables tables, String name) {
        return tables.lookup(TableName.parse(name).orElseThrow()).orElseThrow();
    }

    @Test
    void aNameTwoTablesAnswerToMeansTheFirstInPlanOrderOnEveryRun() {
        // Thirty tables named alike: a hash-ordered map would answer differently between runs.
        StringBuilder sql = new StringBuilder();
        for (int schema = 30; schema > 0; schema--) {
            sql.append("CREATE TABLE s").append(schema).append(".orders (c").append(schema)
                    .append(" INT);\n");
        }
        var tables = ColumnCatalog.build(List.of(new ColumnCatalog.Script("s", "d.sql",
                sql + "DROP TABLE s30.orders; CREATE TABLE s30.orders (again INT);")));
        TableName unqualified = TableName.parse("orders").orElseThrow();

        assertThat(tables.lookup(unqualified).orElseThrow().names()).containsExactly("c29");
        assertThat(tables.lookup(TableName.parse("s30.orders").orElseThrow()).orElseThrow()
                .names()).containsExactly("again");
        assertThat(tables.values()).hasSize(30)
                .first().satisfies(first -> assertThat(first.table().text()).isEqualTo("s29.orders"));
        assertThat(tables.lookup(TableName.parse("other.orders").orElseThrow())).isEmpty();
    }
}
