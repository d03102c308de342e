package dev.storyc.phi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.config.Environment;
import dev.storyc.config.EnvironmentResolver;
import dev.storyc.config.ProcessValues;
import dev.storyc.diag.Diagnostic;
import dev.storyc.emit.CompiledEnvironment;
import dev.storyc.render.RenderedStory;
import dev.storyc.render.StoryRenderer;
import dev.storyc.render.TemplateRenderer;
import dev.storyc.workspace.StdlibLoader;
import dev.storyc.workspace.Workspace;
import dev.storyc.workspace.WorkspaceLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proof does not trust the rewrite: given the stories as rendered, untreated, it refuses every
 * read of a classified column at its line; given them rewritten, it finds nothing.
 */
class PhiProofTest {
    @Test
    void refusesEveryUntreatedReadAndAcceptsTheRewrite(@TempDir Path root) {
        CompiledEnvironment compiled = PhiWorkspace.compile(root, Map.of(), "dev").get();
        Workspace workspace = WorkspaceLoader.load(root, StdlibLoader.load()).get();
        Environment dev = EnvironmentResolver.resolve(workspace,
                ProcessValues.ofEnvironment(PhiWorkspace.PROCESS)).get().find("dev").orElseThrow();
        TemplateRenderer renderer = TemplateRenderer.forWorkspace(workspace);
        List<RenderedStory> rendered = StoryRenderer.render(dev, compiled.selection().stories(),
                renderer).get();
        PhiStage stage = PhiStage.prepare(dev, rendered, SqlProtection.NONE).get();

        List<Diagnostic> untreated = stage.prove(rendered, rendered, renderer);
        assertThat(untreated).extracting(d -> d.code().id() + " " + d.position())
                .containsExactly(
                        "E1120 stories/patients/views/patients.view.lkml:8:10",
                        "E1120 stories/patients/views/patients.view.lkml:11:10",
                        "E1120 stories/patients/views/patients.view.lkml:11:40",
                        "E1120 stories/patients/views/patients.view.lkml:17:10");
        assertThat(untreated.get(0).related()).extracting(r -> r.position().toString())
                .containsExactly("stories/patients/schema/phi.toml:2:1");

        List<RenderedStory> treated = stage.rewrite(rendered);
        assertThat(stage.prove(rendered, treated, renderer)).isEmpty();
        String view = treated.get(0).files().stream()
                .filter(f -> f.file().fileName().equals("patients.view.lkml")).findFirst()
                .orElseThrow().text();
        assertThat(view.lines().toList().get(7)).contains("LEFT(MD5('").contains("${TABLE}.mrn");
        assertThat(view.lines().toList().get(10)).isEqualTo(
                "    sql: '[redacted]' || ' ' || '[redacted]' ;;");
    }
}
