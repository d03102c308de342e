package dev.storyc.cli;

import static dev.storyc.testing.GitCli.git;
import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.testing.Checkout;
import dev.storyc.testing.Storyc;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A problem in the tree a sealed release pins is reported with the pinned text's line, which the
 * working tree may no longer have there: the diagnostic says so, at the pin.
 */
class PinnedDiagnosticsTest {
    @Test
    void aProblemInAPinnedTreeThatMainHasFixedPointsAtThePin(@TempDir Path temp) {
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve("ws"));
        Path view = workspace.resolve("stories/patients/views/patients.view.lkml");
        String fixed = Checkout.read(view);
        Checkout.write(view, fixed.replace("  dimension: state {\n",
                "  dimension: broken { sql: ${nosuch} ;; }\n\n  dimension: state {\n"));
        commit(workspace, "A broken dimension");
        assertThat(Storyc.run(workspace, "release", "seal", "2026-W47", "--force").exitCode()).isZero();
        commit(workspace, "Seal it, by mistake");
        Checkout.write(view, "# fixed on main, a line longer\n" + fixed);
        commit(workspace, "Fix it on main");

        Storyc.Outcome check = Storyc.run(workspace, "check", "--env", "production");

        assertThat(check.exitCode()).as(check.toString()).isEqualTo(1);
        String pin = git(workspace, "rev-parse", "HEAD~1:stories/patients");
        assertThat(check.stderr()).contains("${nosuch}")
                .contains("this is the text sealed release 2026-W47 pins for `patients` (tree " + pin.substring(0, 12)
                        + "), which the working tree has changed since")
                .containsPattern("seal the release again at releases/2026-W47\\.toml:\\d+:1\\n +patients = \"" + pin + "\"");
        // The working tree's own environments, which compile main, have nothing to say.
        Storyc.Outcome integration = Storyc.run(workspace, "check", "--env", "integration");
        assertThat(integration.exitCode()).as(integration.toString()).isZero();
    }

    /** A story main deleted is still shipped by the release that pins it: the note says so. */
    @Test
    void aProblemInAPinnedStoryMainDeletedSaysTheReleaseStillShipsIt(@TempDir Path temp) {
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve("ws"));
        Path view = workspace.resolve("stories/appointments/views/appointments.view.lkml");
        Checkout.write(view, Checkout.read(view).replace("  dimension: patient_id {\n",
                "  dimension: broken { sql: ${nosuch} ;; }\n\n  dimension: patient_id {\n"));
        commit(workspace, "A broken dimension");
        assertThat(Storyc.run(workspace, "release", "seal", "2026-W47", "--force").exitCode()).isZero();
        commit(workspace, "Seal it, by mistake");
        String pin = git(workspace, "rev-parse", "HEAD:stories/appointments");
        git(workspace, "rm", "-rq", "stories/appointments");
        commit(workspace, "Appointments leaves main");

        Storyc.Outcome check = Storyc.run(workspace, "check", "--env", "production");

        assertThat(check.exitCode()).as(check.toString()).isEqualTo(1);
        assertThat(check.stderr()).contains("${nosuch}")
                .contains("this is the text sealed release 2026-W47 pins for `appointments` (tree "
                        + pin.substring(0, 12) + "), which main has deleted since; the release still ships it")
                .doesNotContain("which the working tree has changed since");
    }

    /**
     * A conflict marker is refused in the working tree, where it can be fixed, never in a tree a
     * sealed release pins: that text was deployed, and refusing it would stop production.
     */
    @Test
    void aPinnedTreeIsReadAsItIsEvenWithAMarkerLine(@TempDir Path temp) {
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve("ws"));
        Path deploy = workspace.resolve("stories/patients/schema/deploy.sql");
        String clean = Checkout.read(deploy);
        Checkout.write(deploy, "/* kept from a merge, inside a comment:\n<<<<<<< HEAD\n*/\n" + clean);
        commit(workspace, "A marker inside a comment");
        // Sealed by an older storyc, which let the marker through: the pin is written as it would.
        Path release = workspace.resolve("releases/2026-W47.toml");
        Checkout.write(release, Checkout.read(release).replaceFirst("(?m)^patients = \"[0-9a-f]+\"",
                "patients = \"" + git(workspace, "rev-parse", "HEAD:stories/patients") + "\""));
        commit(workspace, "Seal it");
        assertThat(Storyc.run(workspace, "check", "--env", "integration").stderr())
                .contains("error[E0115]");
        Checkout.write(deploy, clean);
        commit(workspace, "Main drops the marker");

        Storyc.Outcome production = Storyc.run(workspace, "check", "--env", "production");

        assertThat(production.exitCode()).as(production.toString()).isZero();
        assertThat(production.stderr()).doesNotContain("E0115");
    }

    private static void commit(Path workspace, String message) {
        git(workspace, "add", "-A");
        git(workspace, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", message);
    }
}
