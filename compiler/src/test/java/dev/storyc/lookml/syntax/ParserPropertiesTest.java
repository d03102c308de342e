package dev.storyc.lookml.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Combinators;

/** Properties of the parser over generated input. */
class ParserPropertiesTest {

    /** Any text, however broken, gives a tree that prints back to it. */
    @Property(tries = 500)
    void anyTextGivesALosslessTree(@ForAll("lookmlish") String text) {
        ParsedFile parsed = LookmlParser.parse("p.lkml", text);
        assertThat(parsed.tree().print()).isEqualTo(text);
        RobustnessTest.everythingElseCopes(parsed);
    }

    /** Well-formed LookML parses without errors, and the tree covers every character with tokens or trivia. */
    @Property(tries = 300)
    void wellFormedLookmlParsesCleanly(@ForAll("documents") String text) {
        ParsedFile parsed = LookmlParser.parse("p.lkml", text);
        assertThat(parsed.diagnostics()).isEmpty();
        assertThat(parsed.tree().print()).isEqualTo(text);
        assertThat(TriviaCheck.problems(parsed.tree())).isEmpty();
    }

    @Provide
    Arbitrary<String> lookmlish() {
        Arbitrary<Character> chars = Arbitraries.of('{', '}', '[', ']', ':', ';', ',', '"', '#', '\\', '\n', ' ',
                '\t', 'a', 's', 'q', 'l', '_', '+', '-', '.', '*', '1', '$', 'é', '\r');
        Arbitrary<String> fragments = Arbitraries.of("sql: ", "view: ", "dimension: ", " {", "}", ";;", "[a, b]",
                "\"x\"", "# c\n", "html:", "x: ");
        return Arbitraries.oneOf(
                chars.list().ofMaxSize(200).map(ParserPropertiesTest::join),
                fragments.list().ofMaxSize(40).map(l -> String.join("", l)));
    }

    @Provide
    Arbitrary<String> documents() {
        return items(3).list().ofMaxSize(6).map(l -> String.join("\n", l) + "\n");
    }

    private Arbitrary<String> items(int depth) {
        Arbitrary<String> key = Arbitraries.of("type", "label", "hidden", "view_name", "from", "primary_key");
        Arbitrary<String> literal = Arbitraries.of("yes", "-11", "+3", "view.field", "-view.field", "ALL_FIELDS*",
                "set*", "+refined", "America/Los_Angeles", "number");
        Arbitrary<String> quoted = Arbitraries.strings().withChars("ab #{}[]:;,\\\"\n").ofMaxLength(12)
                .map(s -> "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
        Arbitrary<String> value = Arbitraries.oneOf(literal, quoted);
        Arbitrary<String> space = Arbitraries.of(" ", "  ", "\n  ", " # note\n ", "\t");
        Arbitrary<String> pair = Combinators.combine(key, space, value).as((k, s, v) -> k + ":" + s + v);
        Arbitrary<String> code = Combinators.combine(Arbitraries.of("sql", "sql_on", "html", "expression"),
                Arbitraries.strings().withChars("ab ${}#;\"'\n").ofMaxLength(20).filter(s -> !s.contains(";;")
                        && !s.endsWith(";")))
                .as((k, c) -> k + ": " + c + " ;;");
        Arbitrary<String> element = Arbitraries.oneOf(value, Combinators.combine(literal, quoted).as((k, v) -> k + ": " + v));
        Arbitrary<String> list = Combinators.combine(key, element.list().ofMaxSize(4), Arbitraries.of("", ","),
                Arbitraries.of("", ", "))
                .as((k, els, trailing, leading) -> k + ": [" + (els.isEmpty() ? "" : leading) + String.join(", ", els)
                        + (els.isEmpty() ? "" : trailing) + "]");
        if (depth == 0) {
            return Arbitraries.oneOf(pair, code, list);
        }
        Arbitrary<String> block = Combinators.combine(Arbitraries.of("view", "dimension", "explore", "derived_table"),
                Arbitraries.of("", "name ", "+name "), items(depth - 1).list().ofMaxSize(4))
                .as((k, name, inner) -> k + ": " + name + "{\n" + String.join("\n", inner) + "\n}");
        return Arbitraries.oneOf(pair, code, list, block);
    }

    private static String join(java.util.List<Character> chars) {
        StringBuilder s = new StringBuilder(chars.size());
        chars.forEach(s::append);
        return s.toString();
    }
}
