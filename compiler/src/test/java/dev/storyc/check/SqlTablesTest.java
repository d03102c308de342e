package dev.storyc.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

/** The tables SQL reads and writes, and what is not a table. */
class SqlTablesTest {
    static Stream<Arguments> scripts() {
        return Stream.of(
                Arguments.of(
                        "SELECT a FROM s.t JOIN s.u ON u.id = t.id LEFT JOIN v USING (id)",
                        List.of("s.t", "s.u", "v")),
                Arguments.of("INSERT INTO s.t (a, b) SELECT a, b FROM s.u", List.of("s.t", "s.u")),
                Arguments.of(
                        "UPDATE s.t SET a = 1 FROM s.u WHERE t.id = u.id", List.of("s.t", "s.u")),
                Arguments.of("DELETE FROM s.t USING s.u WHERE t.id = u.id", List.of("s.t", "s.u")),
                Arguments.of(
                        "MERGE INTO s.t USING s.u ON t.id = u.id WHEN MATCHED THEN DELETE",
                        List.of("s.t", "s.u")),
                Arguments.of("TRUNCATE TABLE s.t", List.of("s.t")),
                Arguments.of("SELECT * FROM s.a x, s.b AS y, s.c", List.of("s.a", "s.b", "s.c")),
                Arguments.of(
                        "WITH w AS (SELECT 1 FROM s.t), v AS (SELECT 2) SELECT * FROM w JOIN v ON"
                            + " true",
                        List.of("s.t")),
                Arguments.of(
                        "SELECT EXTRACT(YEAR FROM d), TRIM(BOTH ' ' FROM x) FROM s.t",
                        List.of("s.t")),
                Arguments.of(
                        "SELECT * FROM (SELECT 1 FROM s.t) AS q, generate_series(1, 3) AS g",
                        List.of("s.t")),
                Arguments.of(
                        "SELECT 1 FROM s.t WHERE id IN (SELECT id FROM s.u)",
                        List.of("s.t", "s.u")),
                Arguments.of(
                        "CREATE TEMP TABLE tmp AS SELECT 1 FROM s.t; INSERT INTO s.u SELECT * FROM"
                            + " tmp",
                        List.of("s.t", "s.u")),
                Arguments.of(
                        "SELECT 'FROM s.fake', \"col\" FROM s.t -- FROM s.comment", List.of("s.t")),
                Arguments.of(
                        "SELECT 1 FROM ${other.SQL_TABLE_NAME} JOIN \"Odd\".\"Name\" ON true",
                        List.of("Odd.Name")),
                Arguments.of("DROP TABLE storyc.changes", List.of("storyc.changes")),
                Arguments.of("DROP TABLE IF EXISTS s.a, s.b CASCADE", List.of("s.a", "s.b")),
                Arguments.of("CREATE TABLE s.c (id INT, a_id INT REFERENCES s.a (id), b_id INT,"
                        + " FOREIGN KEY (b_id) REFERENCES s.b)", List.of("s.a", "s.b")),
                Arguments.of("ALTER TABLE IF EXISTS ONLY s.t DROP COLUMN c", List.of("s.t")),
                Arguments.of("ALTER TABLE s.t ADD COLUMN c INT", List.of("s.t")),
                Arguments.of(
                        "DROP TABLE IF EXISTS s.scratch; CREATE TABLE s.scratch AS SELECT id FROM s.t;"
                                + " ALTER TABLE s.scratch ADD COLUMN x INT",
                        List.of("s.t")),
                Arguments.of("DROP VIEW s.v; ALTER INDEX s.i RENAME TO j", List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void findsEachTableOnce(String sql, List<String> tables) {
        assertThat(SqlTables.uses(sql).stream().map(u -> u.name().key()).toList())
                .containsExactlyElementsOf(tables);
    }
}
