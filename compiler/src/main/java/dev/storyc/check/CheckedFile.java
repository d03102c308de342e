package dev.storyc.check;

import dev.storyc.config.Environment;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Position;
import dev.storyc.diag.SourceFile;
import dev.storyc.render.LineOrigins;
import dev.storyc.render.TemplateContexts;
import dev.storyc.render.TemplatePositions;
import dev.storyc.render.TemplateRenderer;
import dev.storyc.workspace.Story;
import dev.storyc.workspace.StoryFile;

/**
 * A CheckedFile is one story file as rendered for the environment under check. Checks read the
 * rendered text, but report at the template: {@link #at} turns a position in the rendered text
 * into the template line and column that produced it.
 */
final class CheckedFile {
    private final Story story;
    private final StoryFile file;
    private final String text;
    private final Environment environment;
    private final TemplateRenderer renderer;
    private TemplatePositions positions;
    private SourceFile rendered;

    CheckedFile(Story story, StoryFile file, String text, Environment environment, TemplateRenderer renderer) {
        this.story = story;
        this.file = file;
        this.text = text;
        this.environment = environment;
        this.renderer = renderer;
    }

    Story story() {
        return story;
    }

    StoryFile file() {
        return file;
    }

    /** Returns the rendered text. */
    String text() {
        return text;
    }

    /** Returns the template's workspace path; parsed rendered text carries it, so positions name it. */
    String path() {
        return file.source().path();
    }

    /**
     * Returns the template position that produced {@code renderedAt}, a position in the rendered
     * text. When the template line holds {@code token} literally, the column is the token's;
     * otherwise it is the first tag on the line, which is what wrote the token.
     */
    Position at(Position renderedAt, String token) {
        if (!renderedAt.hasLine() || !renderedAt.file().equals(path())) {
            return renderedAt;
        }
        return positions().at(renderedAt, token);
    }

    /** Returns the position of a character offset in the rendered text. */
    Position renderedPosition(int offset) {
        return renderedSource().positionOf(offset);
    }

    /** Returns the template position of a character offset in the rendered text. */
    Position atOffset(int offset, String token) {
        return at(renderedSource().positionOf(offset), token);
    }

    /** Returns the diagnostic moved from the rendered text to the template, related locations too. */
    Diagnostic moved(Diagnostic diagnostic) {
        Diagnostic moved = new Diagnostic(diagnostic.severity(), diagnostic.code(), at(diagnostic.position(), null),
                diagnostic.message(), diagnostic.hint(), java.util.List.of());
        for (var related : diagnostic.related()) {
            moved = moved.withRelated(at(related.position(), null), related.message());
        }
        return moved;
    }

    private TemplatePositions positions() {
        if (positions == null) {
            LineOrigins origins = renderer.trace(file.source(),
                    TemplateContexts.forStory(environment, story), text);
            positions = new TemplatePositions(file.source(), text, origins);
        }
        return positions;
    }

    private SourceFile renderedSource() {
        if (rendered == null) {
            rendered = new SourceFile(path(), text);
        }
        return rendered;
    }
}
