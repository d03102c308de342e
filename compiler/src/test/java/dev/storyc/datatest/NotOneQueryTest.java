package dev.storyc.datatest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.etl.SqlScript;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** E0913: a data test is one query that writes nothing, and the message says what it is instead. */
class NotOneQueryTest {
    private static final String RULE = "data test `t.sql` must be one SELECT that returns the rows that break the"
            + " rule; ";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "ok", textBlock = """
            SELECT 1                                                             | ok
            SELECT (SELECT 1) AS x, count(*) FROM t                              | ok
            SELECT '(delete' AS x FROM t WHERE y IN (SELECT 'update')            | ok
            WITH kept AS (SELECT 1 AS x) SELECT x FROM kept                      | ok
            SELECT 1; SELECT 2                                                   | it has 2 statements
            SHOW search_path                                                     | it is a `SHOW` statement
            EXPLAIN SELECT 1                                                     | it is an `EXPLAIN` statement
            INSERT INTO t VALUES (1)                                             | it is an `INSERT` statement
            WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d WHERE false    | its WITH runs DELETE, which writes
            WITH d AS MATERIALIZED ( /* why */ UPDATE t SET x = 1 RETURNING *) SELECT * FROM d | its WITH runs UPDATE, which writes
            """)
    void saysWhatTheTestIsInstead(String sql, String problem) {
        assertThat(DataTests.notOneQuery("t.sql", SqlScript.statements("t.sql", sql)))
                .isEqualTo(java.util.Optional.ofNullable(problem).map(p -> RULE + p));
    }
}
