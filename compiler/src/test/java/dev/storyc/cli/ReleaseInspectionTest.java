package dev.storyc.cli;

import static dev.storyc.testing.GitCli.git;
import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.testing.Checkout;
import dev.storyc.testing.Storyc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** status, graph, release diff and release promote. */
class ReleaseInspectionTest {
    @Test
    void graphDrawsRequiresAndMarksMissingOnesDashed(@TempDir Path temp) {
        Storyc.Outcome dot = Storyc.run(Checkout.root(), "graph", "--release", "2026-W47");
        assertThat(dot.exitCode()).isZero();
        assertThat(dot.stdout()).startsWith("digraph \"release 2026-W47\" {")
                .contains("  \"claims\" -> \"encounters\";\n").contains("  \"claims\" -> \"patients\";\n")
                .doesNotContain("care-gaps");
        Path workspace = Checkout.copyExampleWorkspace(temp);
        Checkout.write(workspace.resolve("releases/partial.toml"), "stories = [\"claims\"]\n");
        assertThat(Storyc.run(workspace, "graph", "--release", "partial").stdout())
                .contains("\"claims\" -> \"patients\" [style=dashed, color=red];");
        assertThat(Storyc.run(workspace, "graph", "--format", "mermaid").stdout())
                .startsWith("flowchart LR\n").contains("  s_research_extract --> s_claims\n");
    }

    @Test
    void statusShowsPinsMainAndGaps(@TempDir Path temp) throws Exception {
        Path workspace = committedAndResealed(temp);
        Storyc.Outcome outcome = Storyc.run(workspace, "status");
        assertThat(outcome.exitCode()).isZero();
        List<String> lines = outcome.stdout().lines().toList();
        assertThat(lines.get(0)).startsWith("STORY").contains("acceptance-1").endsWith("production");
        String patientsTree = git(workspace, "rev-parse", "HEAD:stories/patients");
        assertThat(lines).anyMatch(l -> l.startsWith("patients ") && l.endsWith(patientsTree.substring(0, 10)));
        assertThat(lines).anyMatch(l -> l.startsWith("care-gaps ") && l.endsWith(" -"));

        Path view = workspace.resolve("stories/patients/views/patients.view.lkml");
        Files.writeString(view, Files.readString(view) + "# next week\n");
        git(workspace, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qam", "moves on");
        assertThat(Storyc.run(workspace, "status").stdout().lines())
                .anyMatch(l -> l.startsWith("patients ") && l.endsWith(patientsTree.substring(0, 8) + "..*"));

        // A story deleted from main is still in every release that pins it, and shown there.
        String appointments = git(workspace, "rev-parse", "HEAD:stories/appointments");
        git(workspace, "rm", "-rq", "stories/appointments");
        git(workspace, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "appointments leaves main");
        List<String> gone = Storyc.run(workspace, "status").stdout().lines().toList();
        assertThat(gone).filteredOn(l -> l.startsWith("appointments ")).singleElement().asString()
                .matches("appointments( +-)+ +" + appointments.substring(0, 8) + "\\.\\.\\*")
                .endsWith(appointments.substring(0, 8) + "..*");
        // release show reads what it requires from the pin, not `?`.
        assertThat(Storyc.run(workspace, "release", "show", "2026-W47").stdout())
                .containsPattern("appointments +" + appointments.substring(0, 12) + " +requires patients");
        assertThat(Storyc.run(workspace, "release", "show", "2026-W47", "--format", "json").stdout())
                .containsPattern("\"id\": \"appointments\",\\s+\"pin\": \"" + appointments
                        + "\",\\s+\"requires\": \\[\\s+\"patients\"\\s+\\]");

        // A pin that cannot be read is listed as `?` and reported as compile reports it, at its line.
        Path w47 = workspace.resolve("releases/2026-W47.toml");
        String sealed = Files.readString(w47);
        Files.writeString(w47, sealed.replace(appointments, "0".repeat(40)));
        int pinLine = sealed.substring(0, sealed.indexOf(appointments)).split("\n", -1).length;
        Storyc.Outcome unreadable = Storyc.run(workspace, "release", "show", "2026-W47");
        assertThat(unreadable.exitCode()).as(unreadable.toString()).isEqualTo(1);
        assertThat(unreadable.stdout()).containsPattern("appointments +0{12} +requires \\?");
        assertThat(unreadable.stderr()).contains("error[E0309]")
                .contains("--> releases/2026-W47.toml:" + pinLine + ":");
    }

    @Test
    void releaseDiffListsStoriesAndChangedFiles(@TempDir Path temp) throws Exception {
        Path workspace = committedAndResealed(temp);
        Path view = workspace.resolve("stories/claims/views/claims.view.lkml");
        Files.writeString(view, Files.readString(view) + "# changed since W47 was sealed\n");
        Storyc.Outcome outcome = Storyc.run(workspace, "release", "diff", "2026-W47", "2026-W48");
        assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
        assertThat(outcome.stdout()).isEqualTo("""
                release 2026-W47 -> 2026-W48
                  + care-gaps
                  + research-extract
                  ~ claims
                      M stories/claims/views/claims.view.lkml
                """);
    }

    /** Returns a committed copy of the example whose W47 pins are the stories at HEAD. */
    private static Path committedAndResealed(Path temp) {
        Path workspace = Checkout.copyExampleWorkspace(temp);
        git(workspace, "add", "-A");
        git(workspace, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "workspace");
        // Production runs W47: re-pinning it is the emergency path.
        assertThat(Storyc.run(workspace, "release", "seal", "2026-W47", "--force").exitCode()).isZero();
        git(workspace, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qam", "reseal");
        return workspace;
    }

    @Test
    void promoteEditsExactlyTheReleaseLine(@TempDir Path temp) {
        Path workspace = Checkout.copyExampleWorkspace(temp);
        String before = Checkout.read(workspace.resolve("environments.toml"));
        Storyc.Outcome outcome = Storyc.run(workspace, "release", "promote", "2026-W47", "--to", "acceptance-2");
        assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
        assertThat(outcome.stdout()).contains("acceptance-2 now uses release 2026-W47 (was 2026-W48)");
        String after = Checkout.read(workspace.resolve("environments.toml"));
        List<String> expected = new java.util.ArrayList<>(before.lines().toList());
        int line = expected.indexOf("[environments.acceptance-2]");
        while (!expected.get(line).equals("release = \"2026-W48\"")) {
            line++;
        }
        expected.set(line, "release = \"2026-W47\"");
        assertThat(after.lines().toList()).isEqualTo(expected);

        Storyc.Outcome refused = Storyc.run(workspace, "release", "promote", "2026-W48", "--to", "production");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.stderr()).contains("`production` is protected and release `2026-W48` is not sealed");
        assertThat(Checkout.read(workspace.resolve("environments.toml"))).isEqualTo(after);
    }
}
