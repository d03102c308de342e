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
