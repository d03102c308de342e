package dev.storyc.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which ETL SQL holds no statement (E0907), judged from its first tokens as a full lex would judge it. */
class EtlSqlStatementsTest {
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ""                                         | true
            "  \\n\\t "                                  | true
            -- only a comment                          | true
            "-- one\\n-- two\\n"                          | true
            /* a block */                              | true
            "/* nested /* twice */ still */ ;;"         | true
            /* never closed                            | true
            SELECT 1                                   | false
            "-- a comment\\nSELECT 1"                   | false
            "/* x */ INSERT INTO t VALUES (1)"          | false
            "/* a */ */ SELECT"                         | false
            "'only a string'"                          | true
            """)
    void agreesWithTheLexer(String text, boolean empty) {
        String sql = text.replace("\\n", "\n").replace("\\t", "\t");
        assertThat(EtlSqlStatements.holdsNoStatement(sql)).isEqualTo(empty);
        assertThat(SqlLexer.statements(sql).isEmpty()).as("the lexer agrees").isEqualTo(empty);
    }
}
