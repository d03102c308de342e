package dev.storyc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.testing.Checkout;
import dev.storyc.testing.Storyc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One row per broken workspace, for the loading (E01xx), release (E03xx) and rendering (E04xx)
 * families. Each row edits a minimal valid workspace and asserts the code, the position and the
 * message a user would see, with exit code 1.
 */
class ProjectErrorsTest {
    static final Path MINIMAL = Checkout.root().resolve("compiler/src/test/resources/cases/minimal");
    static final String DELETE = "\u0000delete";

    static Stream<Arguments> cases() {
        return Stream.of(
                // E01xx: workspace loading
                row("story folder is not an id", Map.of("stories/Bad_Story/story.toml", "title = \"x\"\n"),
                        "E0105", "stories/Bad_Story", "story folder `Bad_Story` is not a valid story id"),
                row("story id longer than the registry keeps",
                        Map.of("stories/" + "s".repeat(64) + "/story.toml", "title = \"x\"\n"),
                        "E0105", "stories/" + "s".repeat(64),
                        "story folder `" + "s".repeat(64) + "` is not a valid story id",
                        "story ids are at most 63 characters, as the warehouse registry keeps them; this one has 64"),
                // Round 18: a folder where a file belongs was silently no file at all.
                row("release that is a folder", Map.of("releases/r2.toml/notes.md", "a release is a file\n"),
                        "E0113", "releases/r2.toml", "`releases/r2.toml` is a folder, where a release is a file"),
                row("storyc.toml that is a folder", Map.of("storyc.toml/settings.toml", "jobs = 2\n"),
                        "E0113", "storyc.toml", "`storyc.toml` is a folder, where storyc reads a file"),
                row("story requires another twice", Map.of("stories/extra/story.toml",
                                "title = \"Extra\"\nrequires = [\"base\", \"base\"]\n"),
                        "E0108", "stories/extra/story.toml:2:21", "`requires` names `base` twice"),
                row("story.toml syntax", Map.of("stories/base/story.toml", "title = \"Base\nowner = 1\n"),
                        "E0106", "stories/base/story.toml:1:14", "invalid TOML"),
                row("story.toml without title", Map.of("stories/base/story.toml", "owner = \"alice\"\n"),
                        "E0107", "stories/base/story.toml", "story.toml has no `title`"),
                row("title is not a string", Map.of("stories/base/story.toml", "title = 3\n"),
                        "E0108", "stories/base/story.toml:1:1", "`title` must be a string"),
                row("unknown story field", Map.of("stories/base/story.toml", "title = \"Base\"\ntitel = \"B\"\n"),
                        "E0109", "stories/base/story.toml:2:1", "unknown field `titel` in story.toml",
                        "did you mean `title`?"),
                row("missing story.toml", Map.of("stories/base/story.toml", DELETE),
                        "E0110", "stories/base/story.toml", "story `base` has no story.toml"),
                row("file outside the story layout", Map.of("stories/base/notes.txt", "todo\n"),
                        "E0111", "stories/base/notes.txt", "`notes.txt` has no place in a story"),
                row("requires entry is not an id", Map.of("stories/extra/story.toml",
                                "title = \"Extra\"\nrequires = [\"base\", 7]\n"),
                        "E0108", "stories/extra/story.toml:2:21", "`requires` entry `7` is not a story id"),
                row("requires is not a list", Map.of("stories/extra/story.toml",
                                "title = \"Extra\"\nowner = \"alice\"\nrequires = \"base\"\n"),
                        "E0108", "stories/extra/story.toml:3:1", "`requires` must be a list of story ids"),
                row("owner is not a string", Map.of("stories/extra/story.toml",
                                "title = \"Extra\"\nowner = [\"alice\"]\n"),
                        "E0108", "stories/extra/story.toml:2:1", "`owner` must be a string"),
                row("title on two lines", Map.of("stories/extra/story.toml",
                                "title = \"Extra\\nsecond\"\nowner = \"alice\"\n"),
                        "E0108", "stories/extra/story.toml:1:1",
                        "`title` must be one line of text, without control characters: it is Extra\\u000asecond"),
                row("escape sequence in owner", Map.of("stories/extra/story.toml",
                                "title = \"Extra\"\nowner = \"bob\\u001b[2J\"\n"),
                        "E0108", "stories/extra/story.toml:2:1",
                        "`owner` must be one line of text, without control characters: it is bob\\u001b[2J"),
                row("invalid UTF-8", Map.of("stories/base/views/base.view.lkml", "view: b\u00ffase {}\n"),
                        "E0103", "stories/base/views/base.view.lkml:1:8", "is not valid UTF-8: byte 0xFF"),
                // E03xx: releases and selection
                row("release names an unknown story", Map.of("releases/r1.toml", "stories = [\n  \"bse\",\n]\n"),
                        "E0303", "releases/r1.toml:2:3", "release `r1` lists `bse`, which has no folder under stories/",
                        "did you mean `base`?"),
                row("release names a story twice", Map.of("releases/r1.toml",
                                "stories = [\n  \"base\",\n  \"extra\",\n  \"base\",\n]\n"),
                        "E0304", "releases/r1.toml:4:3", "release `r1` lists `base` twice"),
                row("release entry is a list", Map.of("releases/r1.toml", "stories = [[\"base\"]]\n"),
                        "E0305", "releases/r1.toml:1:12", "a release entry must be a story id, not a list"),
                row("release syntax", Map.of("releases/r1.toml", "stories = [\"base\"\n"),
                        "E0301", "releases/r1.toml:2:1", "invalid TOML"),
                row("release manifest missing", Map.of("releases/r1.toml", DELETE),
                        "E0302", "environments.toml:6:1", "environment `prod` uses release `r1`, which has no releases/r1.toml"),
                row("required story left out of the release", Map.of("releases/r1.toml", "stories = [\"extra\"]\n"),
                        "E0306", "stories/extra/story.toml:2:13",
                        "story `extra` requires `base`, which release `r1` does not include"),
                row("requires form a cycle", Map.of("stories/base/story.toml", "title = \"Base\"\nrequires = [\"extra\"]\n"),
                        "E0307", "stories/extra/story.toml:2:13", "`requires` forms a cycle: base -> extra -> base"),
                row("requires names an unknown story", Map.of("stories/extra/story.toml",
                                "title = \"Extra\"\nrequires = [\"bsae\"]\n"),
                        "E0308", "stories/extra/story.toml:2:13", "story `extra` requires `bsae`, which does not exist",
                        "did you mean `base`?"),
                // E04xx: rendering
                row("undefined template name", Map.of("stories/base/views/base.view.lkml",
                                "view: base {\n  sql_table_name: <% env.warehouse.shema %>.base ;;\n}\n"),
                        "E0401", "stories/base/views/base.view.lkml:2:19", "`env.warehouse.shema` is not defined"),
                row("undefined section name", Map.of("stories/base/schema/deploy.sql",
                                "<%# env.variables.pii %>\nSELECT 1;\n<%/ env.variables.pii %>\n"),
                        "E0401", "stories/base/schema/deploy.sql:1:1", "`env.variables.pii` is not defined"),
                row("unclosed section", Map.of("stories/base/schema/deploy.sql", "<%# env.kind %>\nSELECT 1;\n"),
                        "E0402", "stories/base/schema/deploy.sql:1:1",
                        "template syntax error: the section `env.kind` opened here is never closed"),
                // Round 18: alone on its line and not the first, it was reported a line early.
                row("section never closed, after a line", Map.of("stories/base/schema/deploy.sql",
                                "SELECT 1;\n<%# env.kind %>\nSELECT 2;\n"),
                        "E0402", "stories/base/schema/deploy.sql:2:1",
                        "template syntax error: the section `env.kind` opened here is never closed"),
                // Round 18: the name ran on to the next tag's close, reported as an undefined name.
                row("tag not closed on its line", Map.of("stories/base/schema/deploy.sql",
                                "CREATE TABLE <% env.warehouse.schema.base (id INT);\n-- <% env.kind %>\n"),
                        "E0402", "stories/base/schema/deploy.sql:1:14", "template syntax error: a tag is not closed on its line"),
                row("tag holding two words", Map.of("stories/base/schema/deploy.sql",
                                "CREATE TABLE <% env.warehouse.schema %%>.base (id INT);\n"),
                        "E0402", "stories/base/schema/deploy.sql:1:14",
                        "template syntax error: `env.warehouse.schema %` is not a name"),
                row("extended partial holds a value", Map.of("partials/frame.mustache", "-- <%$ body %>none<%/ body %>\n",
                                "stories/base/schema/deploy.sql", "SELECT 1;\n-- <%< frame %><% env.name %><%/ frame %>\n"),
                        "E0402", "stories/base/schema/deploy.sql:2:4",
                        "template syntax error: only text, comments and <%$ name %> blocks may stand between"
                                + " <%< frame %> and <%/ frame %>"),
                row("triple tag names nothing", Map.of("stories/base/schema/deploy.sql", "SELECT 1;\n-- <%{%>\n"),
                        "E0402", "stories/base/schema/deploy.sql:2:4", "template syntax error: a <%{ %> tag names nothing"),
                row("unclosed tag in a long line", Map.of("stories/base/schema/deploy.sql",
                                "SELECT 1;\nSELECT 'Appointments <% oops' AS label;\n"),
                        "E0402", "stories/base/schema/deploy.sql:2:22", "template syntax error"),
                row("triple tag names nothing in a partial", Map.of("partials/note.mustache", "-- a note\n-- <%{ %>\n",
                                "stories/base/schema/deploy.sql", "<%> note %>\nSELECT 1;\n"),
                        "E0402", "partials/note.mustache:2:4", "template syntax error: a <%{ %> tag names nothing"),
                row("partial does not exist", Map.of("stories/base/schema/deploy.sql",
                                "CREATE TABLE t (\n  <%> sql/audit_colums %>\n);\n"),
                        "E0403", "stories/base/schema/deploy.sql:2:3", "partial `sql/audit_colums` does not exist",
                        "did you mean `sql/audit_columns`?"),
                row("partial includes itself", Map.of("partials/loop.mustache", "x <%> loop %>\n",
                                "stories/base/schema/deploy.sql", "<%> loop %>\n"),
                        "E0404", "partials/loop.mustache:1:3", "partial `loop` includes itself: loop -> loop"),
                row("template renders a secret", Map.of("stories/base/schema/deploy.sql",
                                "-- <% env.warehouse.password %>\n",
                                "environments.toml", Checkout.read(MINIMAL.resolve("environments.toml"))
                                        .replace("user = \"me\" }", "user = \"me\", password = \"${env:DEV_PW}\" }")),
                        "E0405", "stories/base/schema/deploy.sql:1:4",
                        "`env.warehouse.password` is a secret and cannot be rendered into a file"),
                // Found by fuzzing: each of these escaped as an internal error before.
                row("import path holds a NUL", Map.of("environments.toml",
                                "imports = [ { path = \"\\u0000\" } ]\n"
                                        + Checkout.read(MINIMAL.resolve("environments.toml"))),
                        "E0220", "environments.toml:1:15",
                        "`\\u0000` cannot be imported: it holds a NUL character, which no file name may hold"),
                row("output path holds a NUL", Map.of("environments.toml",
                                Checkout.read(MINIMAL.resolve("environments.toml")).replace(
                                        "release = \"all\"\n", "release = \"all\"\noutput.path = \"\\u0000\"\n")),
                        "E0214", "environments.toml:14:1",
                        "`output.path` holds a NUL character (`\\u0000`), which no file name may hold"),
                row("output setting holds a NUL", Map.of("storyc.toml", "output = \"\\u0000\"\n"),
                        "E0225", "storyc.toml:1:1", "setting `output` is `\\u0000`, which is not a folder"),
                row("required version beyond any number", Map.of("storyc.toml",
                                "required_version = \">=0.9999999999\"\n"),
                        "E0225", "storyc.toml:1:1",
                        "setting `required_version` is `>=0.9999999999`, which is not a version range"),
                row("template holds the tracer's marker character", Map.of("stories/base/views/base.view.lkml",
                                "view: base {\n  sql_table_name: <% env.warehouse.schema %>.base ;;\n"
                                        + "  dimension: id {\n    primary_key: yes\n"
                                        + "    sql: ${nope} ;; # \u0001\u0002 <% env.name %>\n  }\n}\n"),
                        "E0620", "stories/base/views/base.view.lkml:5:12",
                        "names `nope`, but view `base` has no field `nope`"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsTheProblemWhereItIs(String name, Map<String, String> edits, String code, String position, String message,
            String hint, @TempDir Path temp) throws IOException {
        Path workspace = temp.resolve("ws");
        Checkout.copy(MINIMAL, workspace);
        for (Map.Entry<String, String> edit : edits.entrySet()) {
            Path file = workspace.resolve(edit.getKey());
            if (edit.getValue().equals(DELETE)) {
                Files.delete(file);
            } else if (edit.getValue().contains("\u00ff")) {
                Files.createDirectories(file.getParent());
                Files.write(file, edit.getValue().replace("\u00ff", "").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                byte[] bytes = Files.readAllBytes(file);
                byte[] broken = new byte[bytes.length + 1];
                int at = edit.getValue().indexOf('\u00ff');
                System.arraycopy(bytes, 0, broken, 0, at);
                broken[at] = (byte) 0xFF;
                System.arraycopy(bytes, at, broken, at + 1, bytes.length - at);
                Files.write(file, broken);
            } else {
                Checkout.write(file, edit.getValue());
            }
        }
        Storyc.Outcome outcome = Storyc.run(workspace, "compile", "--all");
        assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(1);
        assertThat(outcome.stderr()).as(outcome.toString())
                .contains("error[" + code + "]: ")
                .contains("--> " + position + "\n")
                .contains(message);
        if (hint != null) {
            assertThat(outcome.stderr()).contains("= help: " + hint);
        }
        assertThat(outcome.stderr()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(workspace.resolve("out")).as("nothing is written when the project has errors").doesNotExist();
    }

    private static Arguments row(String name, Map<String, String> edits, String code, String position, String message) {
        return row(name, edits, code, position, message, null);
    }

    private static Arguments row(String name, Map<String, String> edits, String code, String position, String message,
            String hint) {
        return Arguments.of(name, new LinkedHashMap<>(edits), code, position, message, hint);
    }
}
