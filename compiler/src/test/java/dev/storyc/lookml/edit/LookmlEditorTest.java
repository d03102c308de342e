package dev.storyc.lookml.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storyc.lookml.syntax.Block;
import dev.storyc.lookml.syntax.CodeBlock;
import dev.storyc.lookml.syntax.Document;
import dev.storyc.lookml.syntax.ListNode;
import dev.storyc.lookml.syntax.LookmlParser;
import dev.storyc.lookml.syntax.Pair;
import dev.storyc.lookml.syntax.ParsedFile;
import org.junit.jupiter.api.Test;

/** Edits change only the bytes they target; the tests assert whole outputs. */
class LookmlEditorTest {
    private static final String VIEW = """
            # Orders, as the warehouse has them.
            view: orders {
              sql_table_name: analytics.orders ;;   # keep me

              dimension: id {
                type: number # a comment
                sql: ${TABLE}.id ;;
              }

              dimension: status { type: string }
              measure: count { type: count drill_fields: [id] }
            }
            """;

    @Test
    void setsAPairValue() {
        ParsedFile parsed = parse(VIEW);
        Block id = dimension(parsed, "id");
        String out = LookmlEditor.of(parsed.tree()).setValue((Pair) id.first("type").orElseThrow(), "string").apply();
        assertThat(out).isEqualTo(VIEW.replace("type: number # a comment", "type: string # a comment"));
    }

    @Test
    void setsCodeKeepingItsSpacing() {
        ParsedFile parsed = parse(VIEW);
        Block view = parsed.tree().root().blocks("view").get(0);
        CodeBlock table = (CodeBlock) view.first("sql_table_name").orElseThrow();
        String out = LookmlEditor.of(parsed.tree()).setCode(table, "@{SCHEMA}.orders").apply();
        assertThat(out).isEqualTo(VIEW.replace("analytics.orders ;;   # keep me", "@{SCHEMA}.orders ;;   # keep me"));
    }

    @Test
    void setAddsAMissingPairOnALineOfItsOwn() {
        ParsedFile parsed = parse(VIEW);
        String out = LookmlEditor.of(parsed.tree()).set(dimension(parsed, "id"), "hidden", "yes").apply();
        assertThat(out).isEqualTo(VIEW.replace("sql: ${TABLE}.id ;;\n", "sql: ${TABLE}.id ;;\n    hidden: yes\n"));
    }

    @Test
    void addsToOneLineAndEmptyBlocks() {
        ParsedFile parsed = parse(VIEW);
        String out = LookmlEditor.of(parsed.tree()).add(dimension(parsed, "status"), "hidden: yes").apply();
        assertThat(out).isEqualTo(VIEW.replace("{ type: string }", "{ type: string hidden: yes }"));
        ParsedFile empty = parse("view: a {}\n");
        Block a = empty.tree().root().blocks("view").get(0);
        assertThat(LookmlEditor.of(empty.tree()).add(a, "label: \"A\"").apply()).isEqualTo("view: a { label: \"A\" }\n");
        ParsedFile lines = parse("view: a {\n}\n");
        Block b = lines.tree().root().blocks("view").get(0);
        assertThat(LookmlEditor.of(lines.tree()).add(b, "dimension: x {\n  type: string\n}").apply())
                .isEqualTo("view: a {\n  dimension: x {\n    type: string\n  }\n}\n");
    }

    @Test
    void addsABlockToTheDocument() {
        ParsedFile parsed = parse("view: a {}");
        assertThat(LookmlEditor.of(parsed.tree()).add(parsed.tree().root(), "view: b {}").apply())
                .isEqualTo("view: a {}\n\nview: b {}\n");
    }

    @Test
    void removesABlockWithItsLines() {
        ParsedFile parsed = parse(VIEW);
        String out = LookmlEditor.of(parsed.tree()).remove(dimension(parsed, "id")).apply();
        assertThat(out).isEqualTo(VIEW.replace("""
                  dimension: id {
                    type: number # a comment
                    sql: ${TABLE}.id ;;
                  }
                """, ""));
    }

    @Test
    void removesAnItemInsideALine() {
        ParsedFile parsed = parse(VIEW);
        Block count = parsed.tree().root().blocks("view").get(0).blocks("measure").get(0);
        String out = LookmlEditor.of(parsed.tree()).remove(count.first("type").orElseThrow()).apply();
        assertThat(out).isEqualTo(VIEW.replace("{ type: count drill_fields", "{ drill_fields"));
    }

    @Test
    void renamesBlocksAndRefinements() {
        ParsedFile parsed = parse("view: a {}\nview: +a {}\n");
        Document root = parsed.tree().root();
        String out = LookmlEditor.of(parsed.tree())
                .rename(root.blocks("view").get(0), "b")
                .rename(root.blocks("view").get(1), "b")
                .apply();
        assertThat(out).isEqualTo("view: b {}\nview: +b {}\n");
    }

    @Test
    void addsAndRemovesListElements() {
        ParsedFile parsed = parse("x: [a, b, c,]\ny: []\n");
        ListNode x = (ListNode) parsed.tree().root().items().get(0);
        ListNode y = (ListNode) parsed.tree().root().items().get(1);
        String out = LookmlEditor.of(parsed.tree())
                .removeElement(x, x.elements().get(1))
                .addElement(x, "d")
                .addElement(y, "\"q\"")
                .apply();
        assertThat(out).isEqualTo("x: [a, c, d,]\ny: [\"q\"]\n");
    }

    @Test
    void keepsCrlfInAddedLinesAndQuotes() {
        ParsedFile parsed = parse("view: a {\r\n  b: c\r\n}\r\n");
        Block a = parsed.tree().root().blocks("view").get(0);
        assertThat(LookmlEditor.of(parsed.tree()).add(a, "label: " + LookmlEditor.quote("say \"hi\"")).apply())
                .isEqualTo("view: a {\r\n  b: c\r\n  label: \"say \\\"hi\\\"\"\r\n}\r\n");
    }

    @Test
    void refusesOverlappingEdits() {
        ParsedFile parsed = parse("view: a {}");
        Block a = parsed.tree().root().blocks("view").get(0);
        LookmlEditor editor = LookmlEditor.of(parsed.tree()).rename(a, "b").remove(a);
        assertThatThrownBy(editor::apply).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void editedTextParsesAgain() {
        ParsedFile parsed = parse(VIEW);
        ParsedFile again = LookmlEditor.of(parsed.tree()).set(dimension(parsed, "status"), "label", "\"S\"")
                .applyAndParse();
        assertThat(again.ok()).isTrue();
    }

    private static Block dimension(ParsedFile parsed, String name) {
        return LookmlEditor.find(parsed.tree().root().blocks("view").get(0), "dimension", name).orElseThrow();
    }

    private static ParsedFile parse(String text) {
        ParsedFile parsed = LookmlParser.parse("t.lkml", text);
        assertThat(parsed.diagnostics()).isEmpty();
        return parsed;
    }
}
