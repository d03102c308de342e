package dev.storyc.lookml.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.storyc.diag.Diagnostic;
import dev.storyc.lookml.Corpus;
import dev.storyc.lookml.Fixtures;
import dev.storyc.lookml.dashboard.DashboardParser;
import dev.storyc.lookml.json.LookmlJson;
import dev.storyc.lookml.model.LookmlModels;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad input never crashes or hangs the parser: every input gives a lossless tree and diagnostics.
 * The time bounds are hang guards, generous on purpose, not performance tests.
 */
class RobustnessTest {
    private static final Duration HANG_GUARD = Duration.ofSeconds(10);

    /** Inputs that hang or crash other LookML parsers. */
    @ParameterizedTest
    @ValueSource(strings = {
        "view: a {\n  dimension: b {\n    sql: ${TABLE}.b ;;;\n  }\n}\n",
        "view: a { sql_table_name: x ;; ; }",
        "view: a { label: \"never closed }\n",
        "view: a {\n  dimension: b {\n",
        "view: a {\n  sql: select 1\n",
        "{:",
        ":{",
        ";;",
        "\"",
        "[",
        "x: [",
        "x: [\"",
        "x:",
        "x: {",
        "x: [a,,b]",
        "\uFEFFview: bom {}",
        "view: a { dimension: b { type: string } } }}}]]]",
    })
    void regressionInputsGiveDiagnosticsNotExceptions(String input) {
        ParsedFile parsed = assertTimeoutPreemptively(HANG_GUARD, () -> LookmlParser.parse("r.lkml", input));
        assertThat(parsed.tree().print()).isEqualTo(input);
        if (!input.startsWith("\uFEFF")) {
            assertThat(parsed.ok()).isFalse();
        }
        everythingElseCopes(parsed);
    }

    @Test
    void oneMegabyteOnOneLine() {
        String valid = "dimension: a { type: string sql: x ;; } ".repeat(26_000);
        String garbage = "x".repeat(1 << 20);
        String longString = "label: \"" + "a".repeat(1 << 20);
        String braces = "a: {".repeat(1 << 18);
        String commas = "x: [" + ",".repeat(1 << 20) + "]";
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            for (String input : List.of(valid, garbage, longString, braces, commas)) {
                ParsedFile parsed = LookmlParser.parse("big.lkml", input);
                assertThat(parsed.tree().print()).isEqualTo(input);
                assertThat(parsed.diagnostics().size()).isLessThanOrEqualTo(100);
                everythingElseCopes(parsed);
            }
            assertThat(LookmlParser.parse("big.lkml", valid).ok()).isTrue();
        });
    }

    @Test
    void mutatedFilesNeverCrashOrHang() {
        List<String> seeds = new ArrayList<>();
        Fixtures.GRAMMAR.forEach(f -> seeds.add(Fixtures.read(f)));
        Path dir = Corpus.locate();
        if (dir != null) {
            Map<String, String> corpus = Corpus.lkml(dir);
            // Every seventh corpus file keeps the test fast while covering every source repository.
            int i = 0;
            for (String text : corpus.values()) {
                if (i++ % 7 == 0) {
                    seeds.add(text);
                }
            }
        }
        Random random = new Random(4);
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            for (String seed : seeds) {
                for (int round = 0; round < 12; round++) {
                    String mutant = mutate(seed, random, 1 + random.nextInt(8));
                    ParsedFile parsed = LookmlParser.parse("m.lkml", mutant);
                    assertThat(parsed.tree().print()).isEqualTo(mutant);
                    everythingElseCopes(parsed);
                }
            }
        });
    }

    @Test
    void mutatedDashboardsNeverCrashOrHang() {
        String seed = Fixtures.read("dashboards/tags.dashboard.lookml");
        Random random = new Random(7);
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            for (int round = 0; round < 300; round++) {
                String mutant = mutate(seed, random, 1 + random.nextInt(6));
                DashboardParser.parse("m.dashboard.lookml", mutant);
            }
        });
    }

    /** Deletes, duplicates and swaps characters, the mutations issue 4 names. */
    static String mutate(String text, Random random, int mutations) {
        StringBuilder s = new StringBuilder(text);
        for (int m = 0; m < mutations && s.length() > 1; m++) {
            int at = random.nextInt(s.length());
            switch (random.nextInt(3)) {
                case 0 -> s.deleteCharAt(at);
                case 1 -> s.insert(at, s.charAt(at));
                default -> {
                    int other = random.nextInt(s.length());
                    char c = s.charAt(at);
                    s.setCharAt(at, s.charAt(other));
                    s.setCharAt(other, c);
                }
            }
        }
        return s.toString();
    }

    /** The layers above the parser accept any tree the parser gives. */
    static void everythingElseCopes(ParsedFile parsed) {
        LookmlModels.of(parsed.tree());
        LookmlJson.toJson(parsed);
        String src = parsed.tree().source();
        for (Diagnostic d : parsed.diagnostics()) {
            assertThat(d.position().line()).isBetween(1, (int) src.chars().filter(c -> c == '\n').count() + 1);
        }
    }
}
