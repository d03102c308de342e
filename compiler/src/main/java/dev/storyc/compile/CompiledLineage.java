package dev.storyc.compile;

import dev.storyc.check.Lineage;
import dev.storyc.emit.CompiledEnvironment;
import dev.storyc.render.StoryRenderer;

import java.util.ArrayList;
import java.util.List;

/**
 * The lineage of compiled environments ({@link Lineage}), read from their stories rendered again
 * for each environment: the output tree holds the rendered text, but not which story file each
 * output file came from, which the graph needs.
 */
public final class CompiledLineage {
    private CompiledLineage() {}

    /** Returns one graph per environment of {@code compiled}, in its order. */
    public static List<Lineage.Graph> of(ProjectCompiler.Compiled compiled) {
        Lineage reader = new Lineage();
        List<Lineage.Graph> graphs = new ArrayList<>();
        for (CompiledEnvironment environment : compiled.environments()) {
            var rendered =
                    StoryRenderer.render(
                            environment.environment(),
                            environment.selection().stories(),
                            compiled.compiler().renderer());
            graphs.add(
                    reader.of(
                            environment.environment(),
                            rendered.value().orElse(List.of()),
                            compiled.compiler().renderer()));
        }
        return graphs;
    }
}
