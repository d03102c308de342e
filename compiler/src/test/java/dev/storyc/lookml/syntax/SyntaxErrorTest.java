package dev.storyc.lookml.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.diag.Diagnostic;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Table-driven negative tests: each input gives exactly one diagnostic, with code, place and message. */
class SyntaxErrorTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("view: x {\n  dimension: y {\n}", "E0504 1:9 Block `view: x` is never closed."),
                Arguments.of("derived_table: {", "E0504 1:16 Block `derived_table` is never closed."),
                Arguments.of("label: \"abc", "E0502 1:8 Quoted string is never closed."),
                Arguments.of("x: [\"a]", "E0502 1:5 Quoted string is never closed."),
                Arguments.of("view: x {\n  sql: select 1 }", "E0503 2:3 Code block `sql` never ends with `;;`."),
                Arguments.of("fields: [a,,b]", "E0508 1:12 List `fields` has an empty element between two commas."),
                Arguments.of("fields: [,,b]", "E0508 1:11 List `fields` has an empty element between two commas."),
                Arguments.of("fields: [a b]", "E0509 1:12 List elements must be separated by `,`."),
                Arguments.of("fields: [a, b", "E0505 1:9 List `fields` is never closed."),
                Arguments.of("v: x { f: [a }", "E0505 1:11 List `f` is never closed."),
                Arguments.of("foo bar", "E0506 1:1 Key `foo` is not followed by `:`."),
                Arguments.of("label:", "E0507 1:6 Key `label` has no value."),
                Arguments.of("view: x { label: }", "E0507 1:18 Key `label` has no value."),
                Arguments.of("x: [a: ]", "E0507 1:8 Key `a` has no value."),
                Arguments.of("}", "E0510 1:1 `}` closes nothing that is open."),
                Arguments.of("a: b ]", "E0510 1:6 `]` closes nothing that is open."),
                Arguments.of("sql: x ;; ;", "E0501 1:11 Stray `;` outside a code block."),
                Arguments.of("sql: x ;;;", "E0501 1:10 Stray `;` outside a code block."),
                Arguments.of("{:", "E0501 1:1 Expected a key, found `{`."),
                Arguments.of("view.field: x", "E0501 1:1 Expected a key, found `view.field`."),
                Arguments.of("\"a\": b", "E0501 1:1 Expected a key, found a quoted string."),
                Arguments.of("x: [a {]", "E0501 1:7 Unexpected `{` in a list."),
                Arguments.of("sql: a\0b ;;", "E0501 1:7 LookML cannot hold the invisible character U+0000."),
                Arguments.of("view: x {\r  label: y\r}\r\n",
                        "E0501 1:10 A carriage return ends a line here without a line feed."),
                Arguments.of("a: {".repeat(150), "E0511 1:404 Blocks are nested more than 100 deep."));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void reportsOneDiagnostic(String input, String expected) {
        ParsedFile parsed = LookmlParser.parse("t.lkml", input);
        assertThat(parsed.tree().print()).isEqualTo(input);
        assertThat(parsed.ok()).isFalse();
        assertThat(parsed.diagnostics()).extracting(SyntaxErrorTest::render).containsExactly(expected);
        Diagnostic d = parsed.diagnostics().get(0);
        assertThat(d.hint()).isPresent();
        assertThat(d.position().file()).isEqualTo("t.lkml");
    }

    private static String render(Diagnostic d) {
        return d.code().id() + " " + d.position().line() + ":" + d.position().column() + " " + d.message();
    }
}
