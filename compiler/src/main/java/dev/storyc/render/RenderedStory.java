package dev.storyc.render;

import dev.storyc.workspace.Story;
import java.util.List;

/** A story with every file rendered for one environment, in path order. */
public record RenderedStory(Story story, List<RenderedFile> files) {
    public RenderedStory {
        files = List.copyOf(files);
    }
}
