package dev.storyc.phi;

import dev.storyc.config.Environment;
import dev.storyc.diag.Position;
import dev.storyc.render.RenderedFile;
import dev.storyc.render.RenderedStory;
import dev.storyc.render.TemplateContexts;
import dev.storyc.render.TemplatePositions;
import dev.storyc.render.TemplateRenderer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps positions in an environment's rendered files back to their templates, tracing each file
 * once and only when something is reported in it.
 */
final class TemplateLines {
    private final Environment environment;
    private final TemplateRenderer renderer;
    private final List<RenderedStory> rendered;
    private Map<String, RenderedStory> storyOf;
    private Map<String, RenderedFile> fileOf;
    private final Map<String, TemplatePositions> positions = new HashMap<>();

    TemplateLines(Environment environment, List<RenderedStory> rendered,
            TemplateRenderer renderer) {
        this.environment = environment;
        this.renderer = renderer;
        this.rendered = rendered;
    }

    /** Indexes the files by path the first time a position is asked for: most compiles ask none. */
    private void index() {
        storyOf = new HashMap<>();
        fileOf = new HashMap<>();
        for (RenderedStory story : rendered) {
            for (RenderedFile file : story.files()) {
                storyOf.put(file.file().source().path(), story);
                fileOf.put(file.file().source().path(), file);
            }
        }
    }

    /** Returns the template position of a position in a rendered file. */
    Position at(Position rendered, String token) {
        if (fileOf == null) {
            index();
        }
        RenderedFile file = fileOf.get(rendered.file());
        if (file == null) {
            return rendered;
        }
        TemplatePositions mapper = positions.computeIfAbsent(rendered.file(), p
                -> new TemplatePositions(
                file.file().source(), file.text(), renderer.trace(file.file().source(),
                        TemplateContexts.forStory(environment, storyOf.get(p).story()), file
                                .text())));
        return mapper.at(rendered, token);
    }
}
