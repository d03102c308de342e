package dev.storyc.compile;

import dev.storyc.emit.CompiledEnvironment;
import dev.storyc.phi.PhiReport;
import dev.storyc.render.StoryRenderer;
import java.util.List;

/**
 * The PHI audit of compiled environments ({@link PhiReport}), read from their stories rendered
 * again for each environment, as {@link CompiledLineage} reads lineage: the output tree holds the
 * treated text, and the audit needs what the templates wrote and where.
 */
public final class CompiledPhi {
    private CompiledPhi() {}

    /** Returns the report over every environment of {@code compiled}. */
    public static PhiReport of(ProjectCompiler.Compiled compiled) {
        PhiReport.Builder report = new PhiReport.Builder();
        for (CompiledEnvironment environment : compiled.environments()) {
            var rendered = StoryRenderer.render(environment.environment(), environment.selection()
                    .stories(),
                    compiled.compiler().renderer());
            report.add(environment.environment(), rendered.value().orElse(List.of()),
                    compiled.compiler().renderer());
        }
        return report.build();
    }
}
