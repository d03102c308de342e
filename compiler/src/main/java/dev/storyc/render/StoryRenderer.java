package dev.storyc.render;

import dev.storyc.config.Environment;
import dev.storyc.diag.Diagnostics;
import dev.storyc.diag.Result;
import dev.storyc.workspace.Story;
import dev.storyc.workspace.StoryFile;
import java.util.ArrayList;
import java.util.List;

/** Renders every file of the selected stories for one environment, collecting every problem. */
public final class StoryRenderer {
    private StoryRenderer() {}

    public static Result<List<RenderedStory>> render(
            Environment environment, List<Story> stories, TemplateRenderer renderer) {
        Diagnostics diagnostics = new Diagnostics();
        List<RenderedStory> rendered = new ArrayList<>();
        for (Story story : stories) {
            var context = TemplateContexts.forStory(environment, story);
            List<RenderedFile> files = new ArrayList<>();
            for (StoryFile file : story.files()) {
                Rendered result = renderer.render(file.source(), context);
                diagnostics.addAll(result.diagnostics());
                files.add(new RenderedFile(file, result.text()));
            }
            rendered.add(new RenderedStory(story, files));
        }
        return Result.of(rendered, diagnostics);
    }
}
