package dev.storyc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.testing.Checkout;
import dev.storyc.testing.Storyc;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** E0631 compares each change's revert with its own deploy, not with the story's first one. */
class RevertPairingTest {
    @TempDir Path temp;

    @Test
    void eachChangeRevertsWhatItsOwnDeployCreates() {
        Path workspace = temp.resolve("ws");
        Checkout.copy(Checkout.root().resolve("compiler/src/test/resources/cases/minimal"), workspace);
        String change = "stories/base/schema/changes/01-two/";
        Checkout.write(workspace.resolve(change + "deploy.sql"),
                "CREATE TABLE <% env.warehouse.schema %>.two (id INTEGER);\n");
        Checkout.write(workspace.resolve(change + "revert.sql"),
                "DROP TABLE IF EXISTS <% env.warehouse.schema %>.two;\n");

        Storyc.Outcome clean = Storyc.run(workspace, "check", "--all");
        assertThat(clean.exitCode()).as(clean.toString()).isZero();
        assertThat(clean.stderr()).doesNotContain("E0631");

        Checkout.write(workspace.resolve(change + "revert.sql"),
                "DROP TABLE IF EXISTS <% env.warehouse.schema %>.base;\n");
        Storyc.Outcome crossed = Storyc.run(workspace, "check", "--all");
        assertThat(crossed.stderr())
                .contains("warning[E0631]: revert.sql of story `base` drops none of what its deploy.sql creates"
                        + " (`analytics.two`)")
                .contains("--> " + change + "revert.sql:1:1");
    }
}
