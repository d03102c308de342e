package dev.storyc.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.lookml.Corpus;
import dev.storyc.testing.Checkout;
import dev.storyc.workspace.StdlibLoader;
import dev.storyc.workspace.WorkspaceLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A decoded {@code .lkml} parse equals the parse itself, model, keys and errors alike, or a run
 * that recalls a file would check it differently from one that parses it; bytes that are not an
 * encoding decode to nothing.
 */
class LkmlCodecTest {
    @Test
    void everyExampleFileAndEveryEdgeDecodesEqual() {
        Map<String, String> files = new LinkedHashMap<>();
        WorkspaceLoader.load(Checkout.root(), StdlibLoader.load()).get().allSources().stream()
                .filter(source -> source.path().endsWith(".lkml"))
                .forEach(source -> files.put(source.path(), source.text()));
        assertThat(files).hasSizeGreaterThan(10);
        files.put("edge/surrogate.view.lkml",
                "view: v {\n  sql_table_name: s.\"t\ud800\" ;;\n  dimension: d\ud83d\ude00 {\n"
                        + "    sql: ${TABLE}.x ;;\n  }\n}\n");
        files.put("edge/unclosed.view.lkml", "view: v {\n  dimension: d {\n");
        files.put("edge/model.model.lkml", "connection: \"c\"\ninclude: \"/views/*.view\"\n"
                + "explore: e {\n  from: v\n  join: w {\n    sql_on: ${e.id} = ${w.id} ;;\n"
                + "    relationship: many_to_one\n    fields: [w.a*]\n  }\n}\n"
                + "access_grant: g {\n  user_attribute: x\n  allowed_values: [\"1\"]\n}\n");
        files.put("edge/manifest.lkml", "project_name: \"p\"\nconstant: c {\n  value: \"v\"\n"
                + "  export: override_optional\n}\nlocal_dependency: {\n  project: \"q\"\n}\n");
        files.forEach(LkmlCodecTest::assertRoundTrip);
    }

    @Test
    void everyCorpusFileAndEveryMutationOfOneDecodesEqual() {
        Path corpus = Corpus.require();
        Map<String, String> files = Corpus.lkml(corpus);
        assertThat(files).hasSizeGreaterThan(400);
        Random random = new Random(11);
        for (Map.Entry<String, String> file : files.entrySet()) {
            assertRoundTrip(file.getKey(), file.getValue());
            String text = file.getValue();
            if (!text.isEmpty()) {
                int at = random.nextInt(text.length());
                assertRoundTrip(file.getKey(), text.substring(0, at) + "{\"$;" .charAt(random.nextInt(4))
                        + text.substring(at));
            }
        }
    }

    @Test
    void anythingButAnEncodingDecodesToNothing() {
        ParseCache.Lkml parsed = new ParseCache().begin().lkml("v.view.lkml",
                "view: v {\n  dimension: d {\n    sql: ${TABLE}.d ;;\n  }\n}\n");
        byte[] bytes = LkmlCodec.encode(parsed);
        for (int length = 0; length < bytes.length; length++) {
            assertThat(LkmlCodec.decode(Arrays.copyOf(bytes, length))).as("%d", length).isEmpty();
        }
        assertThat(LkmlCodec.decode(Arrays.copyOf(bytes, bytes.length + 1))).isEmpty();
        Random random = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            byte[] garbled = bytes.clone();
            garbled[random.nextInt(garbled.length)] = (byte) random.nextInt(256);
            LkmlCodec.decode(garbled); // may decode; must never throw
        }
    }

    private static void assertRoundTrip(String path, String text) {
        ParseCache.Lkml parsed = new ParseCache().begin().lkml(path, text);
        assertThat(LkmlCodec.decode(LkmlCodec.encode(parsed))).as(path).contains(parsed);
    }
}
