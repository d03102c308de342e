package dev.storyc.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which statements end or start the transaction a script runs in (E0636), and which do not. */
class TransactionScriptsTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            CREATE TABLE a (id int); COMMIT; CREATE TABLE b (id int)         | COMMIT@25
            CREATE TABLE a (id int);\\nrollback;                              | rollback@25
            BEGIN; CREATE TABLE a (id int)                                     | BEGIN@0
            START TRANSACTION; SELECT 1                                        | START@0
            SELECT 1; END                                                      | END@10
            SELECT 1; END TRANSACTION                                          | END@10
            SELECT 1; ABORT                                                    | ABORT@10
            SELECT 1; PREPARE TRANSACTION 'x'                                  | PREPARE@10
            SAVEPOINT s; UPDATE a SET x = 1; ROLLBACK TO SAVEPOINT s           | ""
            SAVEPOINT s; RELEASE SAVEPOINT s                                   | ""
            DO $$ BEGIN PERFORM 1; COMMIT; END $$                              | ""
            CREATE FUNCTION f() RETURNS int AS $f$ BEGIN RETURN 1; END $f$ LANGUAGE plpgsql | ""
            SELECT CASE WHEN x THEN 1 ELSE 2 END FROM a                        | ""
            SELECT 'COMMIT'; -- ROLLBACK\\n/* BEGIN; */ SELECT 2                | ""
            START_DATE; COMMITTED                                              | ""
            CREATE FUNCTION f(p int) RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT p; SELECT CASE WHEN p > 0 THEN 1 END; END; COMMIT | COMMIT@113
            create or replace procedure p() language sql begin atomic insert into a values (1); end; end | end@89
            CREATE TABLE begin_at (id int); END                                | END@32
            SELECT f(BEGIN); END                                               | END@17
            """)
    void findsTheStatementsThatEndOrStartATransaction(String sql, String expected) {
        String script = sql.replace("\\n", "\n");
        assertThat(String.join(" ", TransactionScripts.transactionControl(script).stream()
                .map(t -> t.text() + "@" + t.offset()).toList()))
                .isEqualTo(expected);
    }
}
