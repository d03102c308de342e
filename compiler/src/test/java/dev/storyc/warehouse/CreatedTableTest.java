package dev.storyc.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The tables a deploy script leaves behind, read from its statements in order. */
class CreatedTableTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "plain                | CREATE TABLE a.t (x INT)                                                  | a.t",
        "temporary left out   | CREATE TEMP TABLE t (x INT); CREATE TABLE a.u (x INT)                     | a.u",
        "dropped again        | CREATE TABLE a.s AS SELECT 1; CREATE TABLE a.t AS SELECT * FROM s; DROP TABLE IF EXISTS a.s, a.q | a.t",
        "dropped unqualified  | CREATE TABLE a.s (x INT); DROP TABLE s CASCADE                            | ''",
        "renamed              | CREATE TABLE a.t_tmp (x INT); ALTER TABLE a.t_tmp RENAME TO t             | a.t",
        "renamed if exists    | CREATE TABLE t_tmp (x INT); ALTER TABLE IF EXISTS ONLY t_tmp RENAME TO t  | t",
        "moved                | CREATE TABLE staging.t (x INT); ALTER TABLE staging.t SET SCHEMA a        | a.t",
        "other alter kept     | CREATE TABLE a.t (x INT); ALTER TABLE a.t ADD COLUMN y INT                | a.t",
        "ascii folds only     | CREATE TABLE A.Ärzte (x INT)                                              | a.Ärzte",
        "quoted kept          | CREATE TABLE \"A\".\"T\" (x INT)                                          | A.T",
    })
    void leavesBehind(String name, String sql, String expected) {
        List<String> tables = CreatedTable.in(script(sql)).stream().map(t -> t.name().key()).toList();
        assertThat(tables).isEqualTo(expected.isEmpty() ? List.of() : List.of(expected.split(",")));
    }

    @Test
    void eachTableKeepsTheSearchPathItWasCreatedOn() {
        Script deploy = script("""
                CREATE TABLE a.first (x INT);
                SET search_path TO 'analytics', public;
                CREATE TABLE second (x INT);
                RESET search_path;
                CREATE TABLE third (x INT);
                SET LOCAL search_path = "My Schema";
                """);
        List<CreatedTable> tables = CreatedTable.in(deploy);

        assertThat(tables).extracting(CreatedTable::searchPath).containsExactly(
                Optional.empty(),
                Optional.of("SET search_path TO 'analytics', public"),
                Optional.of("RESET search_path"));
        assertThat(tables).extracting(t -> t.at().line()).containsExactly(1, 3, 5);
        assertThat(CreatedTable.footprint(deploy).searchPathAtEnd()).contains("SET LOCAL search_path = \"My Schema\"");
        assertThat(CreatedTable.footprint(script("CREATE TABLE a.t (x INT)")).searchPathAtEnd()).isEmpty();
    }

    @Test
    void aSchemaSetBySetSchemaCountsAsTheSearchPath() {
        assertThat(CreatedTable.in(script("SET SCHEMA 'analytics'; CREATE TABLE t (x INT)")))
                .singleElement().extracting(CreatedTable::searchPath)
                .isEqualTo(Optional.of("SET SCHEMA 'analytics'"));
        assertThat(CreatedTable.in(script("SET ROLE loader; CREATE TABLE t (x INT)")))
                .singleElement().extracting(CreatedTable::searchPath).isEqualTo(Optional.empty());
    }

    private static Script script(String text) {
        return new Script("warehouse/s/base/deploy.sql", text, "sha256:0");
    }
}
