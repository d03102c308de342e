package dev.storyc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.testing.Checkout;
import dev.storyc.testing.Storyc;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LookmlCommandTest {
    @Test
    void checkPassesValidFilesAndLocatesErrors(@TempDir Path temp) {
        Path good = Checkout.write(temp.resolve("good.view.lkml"), "view: a {\n  dimension: id { sql: ${TABLE}.id ;; }\n}\n");
        Path dashboard = Checkout.write(temp.resolve("d.dashboard.lookml"),
                "---\n- dashboard: d\n  title: D\n  elements:\n  - name: e\n    model: warehouse\n    explore: a\n");
        Path bad = Checkout.write(temp.resolve("bad.view.lkml"), "view: b {\n  dimension: x { type: [a,,b] }\n}\n");

        Storyc.Outcome ok = Storyc.runRaw(Map.of(), "--color", "never", "lookml", "check", good.toString(),
                dashboard.toString());
        assertThat(ok.exitCode()).as(ok.toString()).isZero();
        assertThat(ok.stdout()).contains("ok: 2 files checked");

        Storyc.Outcome failed = Storyc.runRaw(Map.of(), "--color", "never", "lookml", "check", good.toString(),
                bad.toString());
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.stderr()).contains("error[E05").contains("--> " + bad + ":2:27");
    }

    /** Outside a workspace too, a value Looker does not have fails the file, at the value. */
    @Test
    void checkReportsAValueLookerDoesNotHave(@TempDir Path temp) {
        Path explore = Checkout.write(temp.resolve("orders.explore.lkml"),
                "explore: orders {\n  join: customers {\n    type: left_outr\n    relationship: many_to_one\n  }\n}\n");

        Storyc.Outcome outcome = Storyc.runRaw(Map.of(), "--color", "never", "lookml", "check", explore.toString());

        assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(1);
        assertThat(outcome.stderr()).contains("error[E0644]: join `customers` of explore `orders` has `type: left_outr`")
                .contains("--> " + explore + ":3:11")
                .contains("did you mean `left_outer`?");
        assertThat(outcome.stdout()).contains("failed: 1 file checked");
    }

    @Test
    void oneFileThatCannotBeDecodedOrReadHidesNoneOfTheOthers(@TempDir Path temp) throws Exception {
        Path bad = Checkout.write(temp.resolve("bad.view.lkml"), "view: b {\n  dimension: x { type: [a,,b] }\n}\n");
        Path latin1 = temp.resolve("latin1.view.lkml");
        java.nio.file.Files.write(latin1, "view: caf\u00e9 {}\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        Storyc.Outcome decoded = Storyc.runRaw(Map.of(), "--color", "never", "lookml", "check", bad.toString(),
                latin1.toString());
        assertThat(decoded.exitCode()).isEqualTo(1);
        assertThat(decoded.stderr()).contains("--> " + bad + ":2:27").contains("error[E0103]");
        assertThat(decoded.stdout()).isEqualTo("failed: 2 files checked\n");

    }

    @Test
    void aFolderIsEveryLookmlFileUnderItAndOtherNamesAreRefused(@TempDir Path temp) throws Exception {
        Checkout.write(temp.resolve("views/orders.view.lkml"), "view: a {\n  dimension: id { sql: ${TABLE}.id ;; }\n}\n");
        Path bad = Checkout.write(temp.resolve("views/sub/bad.view.lkml"), "view: b {\n  x: [a,,b]\n}\n");
        Checkout.write(temp.resolve("views/d.dashboard.lookml"), "- dashboard: d\n");
        Checkout.write(temp.resolve("views/.git/hooks.lkml"), "this is not: [LookML\n");
        Path readme = Checkout.write(temp.resolve("views/README.md"), "# Views\n");
        java.nio.file.Files.createDirectories(temp.resolve("empty"));

        Storyc.Outcome folder = Storyc.runRaw(Map.of(), "--color", "never", "lookml", "check",
                temp.resolve("views").toString());
        assertThat(folder.exitCode()).as(folder.toString()).isEqualTo(1);
        assertThat(folder.stderr()).contains("--> " + bad + ":2:9").doesNotContain("hooks.lkml");
        assertThat(folder.stdout()).isEqualTo("failed: 3 files checked\n");

        Storyc.Outcome other = Storyc.runRaw(Map.of(), "--color", "never", "lookml", "check", bad.toString(),
                readme.toString());
        assertThat(other.exitCode()).isEqualTo(2);
        assertThat(other.stderr()).contains("`" + readme + "` is not a LookML file").doesNotContain("E05");
        Storyc.Outcome parse = Storyc.runRaw(Map.of(), "--color", "never", "lookml", "parse", readme.toString());
        assertThat(parse.exitCode()).isEqualTo(2);

        Storyc.Outcome empty = Storyc.runRaw(Map.of(), "--color", "never", "lookml", "check",
                temp.resolve("empty").toString());
        assertThat(empty.exitCode()).isEqualTo(2);
        assertThat(empty.stderr()).contains("holds no LookML file");
    }

    @Test
    void parsePrintsAnOutlineOrLkmlJson(@TempDir Path temp) {
        Path view = Checkout.write(temp.resolve("a.view.lkml"),
                "view: a {\n  dimension: id { sql: ${TABLE}.id ;; }\n  measure: count { type: count }\n}\n");
        Storyc.Outcome outline = Storyc.runRaw(Map.of(), "lookml", "parse", view.toString());
        assertThat(outline.stdout()).isEqualTo("view a  2 fields  (" + view + ":1:7)\n");
        Storyc.Outcome json = Storyc.runRaw(Map.of(), "lookml", "parse", "--json", view.toString());
        assertThat(json.exitCode()).isZero();
        assertThat(json.stdout()).contains("\"views\": [").contains("\"dimensions\": [").contains("\"measures\": [")
                .contains("\"sql\": \"${TABLE}.id\"");
    }

    @Test
    void aPathThatDoesNotExistIsAUsageErrorAndNothingIsChecked(@TempDir Path temp) {
        Path bad = Checkout.write(temp.resolve("bad.view.lkml"), "view: b {\n  dimension: x { type: [a,,b] }\n}\n");
        String missing = temp.resolve("nope.lkml").toString();
        for (String[] line : new String[][] {{"check", bad.toString(), missing}, {"parse", missing}}) {
            String command = line[0];
            Storyc.Outcome outcome = Storyc.runRaw(Map.of(), java.util.stream.Stream.concat(
                    java.util.stream.Stream.of("--color", "never", "lookml"), java.util.Arrays.stream(line))
                    .toArray(String[]::new));
            assertThat(outcome.exitCode()).as(command).isEqualTo(2);
            assertThat(outcome.stderr()).as(command).isEqualTo("error: `" + temp.resolve("nope.lkml")
                    + "` does not exist\n  = help: check the path; nothing was checked\n");
            assertThat(outcome.stdout()).as(command).isEmpty();
        }
    }
}
