package dev.storyc.render;

import dev.storyc.workspace.StoryFile;

/** A story file rendered for one environment. */
public record RenderedFile(StoryFile file, String text) {}
