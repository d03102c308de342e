package dev.storyc.etl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.diag.Position;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlScriptTest {
    @Test
    void splitsAtSemicolonsOutsideTextAndStartsEachStatementAtItsFirstWord() {
        String sql =
                """
                -- Full refresh; the comment's semicolon is not a statement end.
                DELETE FROM a.t;

                /* a block /* nested; */ comment */
                INSERT INTO a.t (x, y)
                SELECT 'it''s; here', E'esc\\'; still', "odd;name", $body$ ; $body$
                FROM a.s;
                SELECT 1\
                """;
        List<SqlStatement> statements = SqlScript.statements("etl/x/load.sql", sql);

        assertThat(statements)
                .extracting(SqlStatement::firstWord)
                .containsExactly("DELETE", "INSERT", "SELECT");
        assertThat(statements)
                .extracting(SqlStatement::start)
                .containsExactly(
                        Position.of("etl/x/load.sql", 2, 1),
                        Position.of("etl/x/load.sql", 5, 1),
                        Position.of("etl/x/load.sql", 8, 1));
        assertThat(statements.get(1).text()).startsWith("INSERT INTO a.t").endsWith("FROM a.s");
        assertThat(statements.get(2).text()).isEqualTo("SELECT 1");
    }

    @Test
    void keepsTheBodyOfASqlStandardFunctionInItsStatement() {
        String sql = """
                CREATE OR REPLACE FUNCTION a.visits_of(p int) RETURNS bigint LANGUAGE sql
                BEGIN ATOMIC
                  SELECT CASE WHEN p > 0 THEN 1 ELSE 0 END;
                  SELECT count(*) FROM a.visits WHERE patient = p;
                END;
                SELECT a.visits_of(1);
                CREATE TABLE a.begin (id int); SELECT 2
                """;

        List<SqlStatement> statements = SqlScript.statements("etl/x/load.sql", sql);

        assertThat(statements).extracting(SqlStatement::firstWord).containsExactly("CREATE", "SELECT", "CREATE",
                "SELECT");
        assertThat(statements.get(0).text()).endsWith("WHERE patient = p;\nEND");
        assertThat(statements.get(1).start()).isEqualTo(Position.of("etl/x/load.sql", 6, 1));
    }

    @Test
    void dropsEmptyStatements() {
        assertThat(SqlScript.statements("f.sql", ";;\n  ; -- nothing\n")).isEmpty();
    }

    @Test
    void tellsQueriesFromWritingStatements() {
        assertThat(only("SELECT 1").isQuery()).isTrue();
        assertThat(only("WITH a AS (SELECT 1 AS x) SELECT x FROM a").isQuery()).isTrue();
        assertThat(only("WITH a AS (DELETE FROM t RETURNING *) SELECT * FROM a").isQuery())
                .as(
                        "a writing CTE sits inside parentheses, which the check cannot see; the"
                            + " outer SELECT reads")
                .isTrue();
        assertThat(only("WITH a AS (SELECT 1 AS x) INSERT INTO t SELECT x FROM a").isQuery())
                .isFalse();
        assertThat(only("INSERT INTO t SELECT 1").isQuery()).isFalse();
        // Set operations whose first operand is in parentheses, and the other forms of a query: a
        // replace job took them for scripts, emptied its target and threw the rows away.
        assertThat(only("(SELECT 1 AS id) UNION ALL (SELECT 2)").isQuery()).isTrue();
        assertThat(only("/* header */\n((SELECT 1) EXCEPT (SELECT 2)) ORDER BY 1").isQuery()).isTrue();
        assertThat(only("TABLE raw.orders").isQuery()).isTrue();
        assertThat(only("VALUES (1), (2)").isQuery()).isTrue();
        assertThat(only("UPDATE t SET x = (SELECT 1)").isQuery()).isFalse();
    }

    @Test
    void mapsAServerErrorOffsetToTheScriptLine() {
        SqlStatement statement =
                SqlScript.statements("f.sql", "-- c\n\nSELECT a,\n       b\nFROM t").get(0);

        assertThat(statement.positionOf(1)).isEqualTo(Position.of("f.sql", 3, 1));
        assertThat(statement.positionOf(18)).isEqualTo(Position.of("f.sql", 4, 8));
    }

    private static SqlStatement only(String sql) {
        List<SqlStatement> statements = SqlScript.statements("f.sql", sql);
        assertThat(statements).hasSize(1);
        return statements.get(0);
    }
}
