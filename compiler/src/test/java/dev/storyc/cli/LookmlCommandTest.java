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

        Storyc.Outcome missing = Storyc.runRaw(Map.of(), "--color", "never", "lookml", "check", bad.toString(),
                temp.resolve("nope.lkml").toString());
        assertThat(missing.exitCode()).isEqualTo(3);
        assertThat(missing.stderr()).contains("--> " + bad + ":2:27").contains("cannot read `");
        assertThat(missing.stdout() + missing.stderr()).contains("failed: 2 files checked, 1 could not be read");
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
    void aMissingFileIsAnOperationFailure(@TempDir Path temp) {
        Storyc.Outcome outcome = Storyc.runRaw(Map.of(), "lookml", "check", temp.resolve("nope.lkml").toString());
        assertThat(outcome.exitCode()).isEqualTo(3);
        assertThat(outcome.stderr()).contains("cannot read").doesNotContain("Exception");
    }
}
