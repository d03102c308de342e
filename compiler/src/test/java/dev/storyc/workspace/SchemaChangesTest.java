package dev.storyc.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Position;
import dev.storyc.testing.Checkout;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/** A story's later schema changes: the layout, the order, and every way to get it wrong. */
class SchemaChangesTest {
    static final Path MINIMAL = WorkspaceLoaderTest.MINIMAL;

    @Test
    void changesAreOrderedByNumberAfterTheBase(@TempDir Path temp) {
        Path ws =
                workspace(
                        temp,
                        Map.of(
                                "schema/changes/10-index-by-date/deploy.sql",
                                        "CREATE INDEX i ON analytics.base (id);\n",
                                "schema/changes/10-index-by-date/revert.sql",
                                        "DROP INDEX analytics.i;\n",
                                "schema/changes/2-add-units/deploy.sql",
                                        "ALTER TABLE analytics.base ADD COLUMN units TEXT;\n",
                                "schema/changes/2-add-units/revert.sql",
                                        "ALTER TABLE analytics.base DROP COLUMN units;\n",
                                "schema/changes/2-add-units/verify.sql",
                                        "SELECT units FROM analytics.base WHERE 1 = 0;\n"));
        var loaded = WorkspaceLoader.load(ws, StdlibLoader.load());
        assertThat(loaded.ok()).as("%s", loaded.diagnostics()).isTrue();
        var changes = SchemaChanges.of(loaded.get().stories().get(new StoryId("base")).files());
        assertThat(changes)
                .extracting(c -> c.change().name())
                .containsExactly("base", "add-units", "index-by-date");
        assertThat(changes.get(1).verify()).isPresent();
        assertThat(changes.get(2).verify()).isEmpty();
        assertThat(changes.get(1).change().outputFolder(new StoryId("base")))
                .isEqualTo("warehouse/base/add-units");
        assertThat(ArtifactKind.of("schema/changes/2-add-units/revert.sql"))
                .contains(ArtifactKind.SCHEMA_REVERT);
    }

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of(
                        "no number",
                        "schema/changes/add-units/deploy.sql",
                        null,
                        Code.SCHEMA_CHANGE_FOLDER_INVALID,
                        "schema/changes/add-units/deploy.sql",
                        "such as `01-add-units`"),
                Arguments.of(
                        "name too long",
                        "schema/changes/01-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/deploy.sql",
                        null,
                        Code.SCHEMA_CHANGE_FOLDER_INVALID,
                        "schema/changes/01-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/deploy.sql",
                        "has a name of 64 characters; the registry keeps at most 63"),
                Arguments.of(
                        "number zero",
                        "schema/changes/00-first/deploy.sql",
                        null,
                        Code.SCHEMA_CHANGE_FOLDER_INVALID,
                        "schema/changes/00-first/deploy.sql",
                        "start at 1"),
                Arguments.of(
                        "named base",
                        "schema/changes/01-base/deploy.sql",
                        null,
                        Code.SCHEMA_CHANGE_FOLDER_INVALID,
                        "schema/changes/01-base/deploy.sql",
                        "pick another name"),
                Arguments.of(
                        "stray file",
                        "schema/changes/01-units/notes.md",
                        null,
                        Code.SCHEMA_CHANGE_FOLDER_INVALID,
                        "schema/changes/01-units/notes.md",
                        "not `notes.md`"),
                Arguments.of(
                        "file outside a folder",
                        "schema/changes/deploy.sql",
                        null,
                        Code.SCHEMA_CHANGE_FOLDER_INVALID,
                        "schema/changes/deploy.sql",
                        "`schema/changes/NN-name/`"),
                Arguments.of(
                        "no revert",
                        "schema/changes/01-units/deploy.sql",
                        null,
                        Code.SCHEMA_CHANGE_INCOMPLETE,
                        "schema/changes/01-units/revert.sql",
                        "has no revert.sql"),
                Arguments.of(
                        "no deploy",
                        "schema/changes/01-units/revert.sql",
                        null,
                        Code.SCHEMA_CHANGE_INCOMPLETE,
                        "schema/changes/01-units/deploy.sql",
                        "has no deploy.sql"),
                Arguments.of(
                        "same name",
                        "schema/changes/01-units/deploy.sql",
                        "schema/changes/02-units/deploy.sql",
                        Code.SCHEMA_CHANGE_DUPLICATE,
                        "schema/changes/02-units/deploy.sql",
                        "share a name"),
                Arguments.of(
                        "same number",
                        "schema/changes/01-units/deploy.sql",
                        "schema/changes/1-other/deploy.sql",
                        Code.SCHEMA_CHANGE_DUPLICATE,
                        "schema/changes/01-units/deploy.sql",
                        "share a number"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void mistakesAreLocatedDiagnostics(
            String name,
            String file,
            String second,
            Code code,
            String at,
            String says,
            @TempDir Path temp) {
        Map<String, String> files = new java.util.HashMap<>();
        files.put(file, "SELECT 1;\n");
        if (second != null) {
            files.put(second, "SELECT 1;\n");
            files.put(file.replace("deploy.sql", "revert.sql"), "SELECT 1;\n");
            files.put(second.replace("deploy.sql", "revert.sql"), "SELECT 1;\n");
        }
        var loaded = WorkspaceLoader.load(workspace(temp, files), StdlibLoader.load());
        assertThat(loaded.diagnostics())
                .as(name)
                .anySatisfy(
                        d -> {
                            assertThat(d.code()).isEqualTo(code);
                            assertThat(d.position())
                                    .isEqualTo(Position.ofFile("stories/base/" + at));
                            assertThat(d.message() + " " + d.hint().orElse("")).contains(says);
                        });
        assertThat(loaded.diagnostics())
                .extracting(Diagnostic::code)
                .doesNotContain(Code.UNEXPECTED_STORY_FILE);
    }

    @Test
    void laterChangesNeedTheBase(@TempDir Path temp) throws Exception {
        Path ws =
                workspace(
                        temp,
                        Map.of(
                                "schema/changes/01-units/deploy.sql",
                                "SELECT 1;\n",
                                "schema/changes/01-units/revert.sql",
                                "SELECT 1;\n"));
        java.nio.file.Files.delete(ws.resolve("stories/base/schema/deploy.sql"));
        java.nio.file.Files.delete(ws.resolve("stories/base/schema/revert.sql"));
        var loaded = WorkspaceLoader.load(ws, StdlibLoader.load());
        assertThat(loaded.diagnostics())
                .anySatisfy(
                        d -> {
                            assertThat(d.code()).isEqualTo(Code.SCHEMA_CHANGE_INCOMPLETE);
                            assertThat(d.message()).contains("no schema/deploy.sql");
                            // At the missing file (round 18: it was the change's deploy.sql).
                            assertThat(d.position()).hasToString("stories/base/schema/deploy.sql");
                        });
    }

    private static Path workspace(Path temp, Map<String, String> files) {
        Path ws = temp.resolve("ws");
        Checkout.copy(MINIMAL, ws);
        files.forEach((path, text) -> Checkout.write(ws.resolve("stories/base/" + path), text));
        return ws;
    }
}
