package dev.storyc.lookml.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.lookml.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The grammar cases of issue 4, on hand-written fixtures that always run. */
class GrammarTest {
    static final List<String> FIXTURES = Fixtures.GRAMMAR;

    @ParameterizedTest
    @FieldSource("FIXTURES")
    void fixtureParsesCleanlyAndPrintsBackIdentically(String name) {
        String text = Fixtures.read(name);
        ParsedFile parsed = LookmlParser.parse(name, text);
        assertThat(parsed.diagnostics()).isEmpty();
        assertThat(parsed.tree().print()).isEqualTo(text);
        assertThat(TriviaCheck.problems(parsed.tree())).isEmpty();
    }

    @Test
    void crlfLineEndingsAreKept() {
        String text = Fixtures.read("grammar/everything.view.lkml").replace("\n", "\r\n");
        ParsedFile parsed = LookmlParser.parse("crlf.view.lkml", text);
        assertThat(parsed.diagnostics()).isEmpty();
        assertThat(parsed.tree().print()).isEqualTo(text);
        Block view = parsed.tree().root().blocks("view").get(0);
        assertThat(view.position().line()).isEqualTo(4);
        assertThat(parsed.tree().lineText(4)).isEqualTo("view: orders {");
    }

    @Test
    void blocksNamedAnonymousRefinedAndEmpty() {
        Document root = parse("view: a { derived_table: {} } view: +a {} explore: b{}");
        List<Block> blocks = root.blocks("view");
        assertThat(blocks).extracting(b -> b.name().orElse("?")).containsExactly("a", "+a");
        assertThat(blocks.get(1).isRefinement()).isTrue();
        Block derived = blocks.get(0).blocks("derived_table").get(0);
        assertThat(derived.name()).isEmpty();
        assertThat(derived.items()).isEmpty();
        assertThat(root.blocks("explore").get(0).name()).contains("b");
    }

    @Test
    void itemsNeedNoSeparators() {
        Block explore = parse("explore: a { extension: required label: \"A\" }").blocks("explore").get(0);
        assertThat(explore.items()).extracting(Item::key).containsExactly("extension", "label");
        assertThat(((Pair) explore.items().get(1)).value()).isEqualTo("A");
    }

    @Test
    void whitespaceMayStandBeforeTheColon() {
        Pair pair = (Pair) parse("type :  date").items().get(0);
        assertThat(pair.key()).isEqualTo("type");
        assertThat(pair.value()).isEqualTo("date");
    }

    @Test
    void bareLiterals() {
        Document root = parse("a: yes b: -11 c: +3 d: view.field e: -view.field f: ALL_FIELDS* g: set* "
                + "h: +refined_name i: America/Los_Angeles");
        assertThat(root.items()).extracting(i -> ((Pair) i).value()).containsExactly("yes", "-11", "+3",
                "view.field", "-view.field", "ALL_FIELDS*", "set*", "+refined_name", "America/Los_Angeles");
    }

    @Test
    void quotedStringsSpanLinesAndKeepEscapes() {
        Pair pair = (Pair) parse("label: \"a \\\"b\\\" \\\\ c\nd\"").items().get(0);
        assertThat(pair.isQuoted()).isTrue();
        assertThat(pair.value()).isEqualTo("a \\\"b\\\" \\\\ c\nd");
        assertThat(pair.unescapedValue()).isEqualTo("a \"b\" \\ c\nd");
        assertThat(pair.rawValue()).startsWith("\"").endsWith("\"");
    }

    @Test
    void codeBlocksTakeRawTextUpToTheFirstDoubleSemicolon() {
        String code = " SELECT \"x\" ; {{ v }} {% if a %} ${ref} @{CONST} # not a comment\n";
        Document root = parse("sql_on:" + code + ";;\nhtml: <b>;;expression: 1;; sql_trigger_value: 2\n;;");
        List<Item> items = root.items();
        assertThat(items).allMatch(i -> i instanceof CodeBlock);
        assertThat(((CodeBlock) items.get(0)).rawCode()).isEqualTo(code);
        assertThat(((CodeBlock) items.get(0)).code()).isEqualTo(code.strip());
        assertThat(((CodeBlock) items.get(1)).code()).isEqualTo("<b>");
        assertThat(((CodeBlock) items.get(2)).code()).isEqualTo("1");
        assertThat(((CodeBlock) items.get(3)).code()).isEqualTo("2");
    }

    @Test
    void listsAllowLeadingAndTrailingCommasAndPairs() {
        ListNode list = (ListNode) parse("filters: [, a.b: \"x\", c: \"-NULL\", d,]").items().get(0);
        assertThat(list.elements()).hasSize(3);
        assertThat(list.elements().get(0).key()).contains("a.b");
        assertThat(list.elements().get(0).value()).isEqualTo("x");
        assertThat(list.elements().get(1).key()).contains("c");
        assertThat(list.values()).containsExactly("d");
        assertThat(((ListNode) parse("x: []").items().get(0)).elements()).isEmpty();
    }

    @Test
    void commentsStandWhereWhitespaceMayStand() {
        ListNode list = (ListNode) parse("x: [ # c\n a, # c\n # c\n b # c\n ]").items().get(0);
        assertThat(list.values()).containsExactly("a", "b");
    }

    @Test
    void keysRepeatAndKeepTheirOrder() {
        Document root = parse("include: \"a\"\nlabel: x\ninclude: \"b\"");
        assertThat(root.items()).extracting(Item::key).containsExactly("include", "label", "include");
        assertThat(root.items("include")).extracting(i -> ((Pair) i).value()).containsExactly("a", "b");
    }

    @Test
    void everyNodeHasAPosition() {
        ParsedFile parsed = LookmlParser.parse("p.lkml", "view: a {\n  dimension: b {\n    sql: 1 ;;\n  }\n}\n");
        Block view = parsed.tree().root().blocks("view").get(0);
        Block dim = view.blocks("dimension").get(0);
        CodeBlock sql = (CodeBlock) dim.items().get(0);
        assertThat(view.position()).hasToString("p.lkml:1:1");
        assertThat(view.namePosition()).hasToString("p.lkml:1:7");
        assertThat(dim.position()).hasToString("p.lkml:2:3");
        assertThat(sql.codePosition()).hasToString("p.lkml:3:10");
    }

    private static Document parse(String text) {
        ParsedFile parsed = LookmlParser.parse("t.lkml", text);
        assertThat(parsed.diagnostics()).isEmpty();
        assertThat(parsed.tree().print()).isEqualTo(text);
        return parsed.tree().root();
    }
}
