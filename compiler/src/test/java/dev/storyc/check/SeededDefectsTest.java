package dev.storyc.check;

import static dev.storyc.check.SeededDefects.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.storyc.testing.Checkout;
import dev.storyc.testing.Storyc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The seeded-defect corpus: single mutations of the example workspace, each the kind of mistake
 * Looker's validator or a SQL validator finds, and each asserted by code and template file:line;
 * and valid but tricky changes (view_name, from, refinements, extends, Liquid, ALL_FIELDS*) that
 * must stay clean. The expected line is the line of the mutated file that holds a needle, so a
 * reader sees what is reported without counting lines.
 *
 * <p>Every case runs {@code storyc -v check --format json} on the environment that includes every
 * story (or the one named), on one copy of the workspace that each case edits and restores.
 */
class SeededDefectsTest {
    private static Path workspace;
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Case> defects() {
        return Stream.concat(LookmlDefectRows.rows(), SchemaDefectRows.rows());
    }

    static Stream<Arguments> clean() {
        return TrickyCleanRows.clean();
    }

    @BeforeAll
    static void copyWorkspace() throws IOException {
        workspace = Files.createTempDirectory("seeded-defects");
        Checkout.copyExampleWorkspace(workspace.resolve("ws"));
    }

    @AfterAll
    static void removeWorkspace() throws IOException {
        try (Stream<Path> walk = Files.walk(workspace)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void theCorpusCoversEveryNewCodeWithAtLeastSixtyDefects() {
        List<Case> cases = defects().toList();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(60);
        assertThat(cases.stream().map(Case::code).distinct())
                .containsAll(
                        List.of(
                                "E0620", "E0621", "E0622", "E0623", "E0624", "E0625", "E0626",
                                "E0628", "E0629", "E0630", "E0631", "E0632", "E0633", "E0634",
                                "E0635", "E0636", "E0637"));
        assertThat(clean().count()).isGreaterThanOrEqualTo(15);
    }

    @Test
    void aViewWhoseColumnsCannotBeKnownIsANoteAtVerbose() {
        Path ws = workspace.resolve("ws");
        List<Edit> derived =
                List.of(
                        append(
                                E,
                                "  <%> lkml/audit_timestamps %>\n",
                                "}\n\n"
                                    + "view: stays {\n"
                                    + "  derived_table: { sql: SELECT encounter_id FROM"
                                    + " ${encounters.SQL_TABLE_NAME} ;; }\n"
                                    + "  dimension: id { sql: ${TABLE}.encounter_idd ;; }\n"
                                    + "  dimension: id2 { sql: ${TABLE}.other ;; }\n"
                                    + "}\n\n"
                                    + "view: +encounters {\n"));
        List<JsonNode> found = withEdits(ws, derived, () -> check(ws, ALL));
        String mutated = withEdits(ws, derived, () -> Checkout.read(ws.resolve(E)));
        assertThat(found).hasSize(1);
        assertThat(found.get(0).get("severity").asText()).isEqualTo("note");
        assertThat(found.get(0).get("code").asText()).isEqualTo("E0627");
        assertThat(found.get(0).get("line").asInt()).isEqualTo(lineOf(mutated, "view: stays {"));
        assertThat(found.get(0).get("message").asText())
                .contains("view `stays`")
                .contains("derived table");

        Storyc.Outcome quiet =
                withEdits(ws, derived, () -> Storyc.run(ws, SECRETS, "check", "--env", ALL));
        assertThat(quiet.exitCode()).as(quiet.toString()).isZero();
        assertThat(quiet.stderr()).as("notes are detail, shown only with --verbose").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("defects")
    void eachSeededDefectIsReportedAtItsLine(Case seeded) throws IOException {
        Path ws = workspace.resolve("ws");
        List<JsonNode> found = withEdits(ws, seeded.edits(), () -> check(ws, seeded.environment()));
        String mutated =
                withEdits(ws, seeded.edits(), () -> Checkout.read(ws.resolve(seeded.reportFile())));
        int line = lineOf(mutated, seeded.needle());
        assertThat(line)
                .as("needle `%s` is in %s", seeded.needle(), seeded.reportFile())
                .isPositive();
        List<String> problems =
                found.stream()
                        .filter(d -> !d.get("severity").asText().equals("note"))
                        .map(
                                d ->
                                        d.get("code").asText()
                                                + " "
                                                + d.get("file").asText()
                                                + ":"
                                                + d.get("line").asInt())
                        .toList();
        assertThat(problems)
                .as("%s", found)
                .contains(seeded.code() + " " + seeded.reportFile() + ":" + line);
        assertThat(problems)
                .as("a single mutation gives a single kind of problem: %s", found)
                .allMatch(p -> p.startsWith(seeded.code() + " "));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clean")
    void validButTrickyLookmlStaysClean(String name, List<Edit> edits) throws IOException {
        Path ws = workspace.resolve("ws");
        List<JsonNode> found = withEdits(ws, edits, () -> check(ws, ALL));
        assertThat(found.stream().filter(d -> !d.get("severity").asText().equals("note")).toList())
                .as(name)
                .isEmpty();
    }

    /**
     * Runs check with -v, so that notes are reported too, and returns the JSON diagnostics but
     * E0804: many seeded edits change a schema script that sealed release 2026-W47 pins, which
     * that warning rightly reports whatever else is wrong (PinnedChangeEditsTest covers it).
     */
    private static List<JsonNode> check(Path ws, String environment) {
        Storyc.Outcome outcome =
                Storyc.run(ws, SECRETS, "-v", "check", "--env", environment, "--format", "json");
        assertThat(outcome.exitCode()).as(outcome.toString()).isIn(0, 1);
        try {
            List<JsonNode> all = new ArrayList<>();
            JSON.readTree(outcome.stdout()).forEach(all::add);
            return all.stream().filter(d -> !d.get("code").asText().equals("E0804")).toList();
        } catch (IOException e) {
            throw new AssertionError(outcome.toString(), e);
        }
    }

    /** Applies the edits, runs {@code body}, and puts every file back as it was. */
    private static <T> T withEdits(Path ws, List<Edit> edits, java.util.function.Supplier<T> body) {
        Map<Path, String> originals = new LinkedHashMap<>();
        List<Path> created = new ArrayList<>();
        try {
            for (Edit edit : edits) {
                Path file = ws.resolve(edit.file());
                if (!Files.exists(file) && edit.from().isEmpty()) {
                    // A new file: made with its folders, and deleted from the first one made.
                    Path first = file;
                    while (!Files.exists(first.getParent())) {
                        first = first.getParent();
                    }
                    created.add(first);
                    Checkout.write(file, edit.to());
                    continue;
                }
                originals.putIfAbsent(file, Checkout.read(file));
                String text = Checkout.read(file);
                if (edit.from().isEmpty()) {
                    Checkout.write(file, text + edit.to());
                    continue;
                }
                assertThat(text)
                        .as("%s holds the text to replace", edit.file())
                        .contains(edit.from());
                Checkout.write(
                        file,
                        text.replaceFirst(
                                java.util.regex.Pattern.quote(edit.from()),
                                java.util.regex.Matcher.quoteReplacement(edit.to())));
            }
            return body.get();
        } finally {
            originals.forEach(Checkout::write);
            java.util.Collections.reverse(created);
            created.forEach(Checkout::deleteTree);
        }
    }

    private static int lineOf(String text, String needle) {
        List<String> lines = text.lines().toList();
        String first = needle.lines().findFirst().orElse(needle);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(first)) {
                return i + 1;
            }
        }
        return -1;
    }
}
