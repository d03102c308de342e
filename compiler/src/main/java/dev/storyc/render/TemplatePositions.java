package dev.storyc.render;

import dev.storyc.diag.Position;
import dev.storyc.diag.SourceFile;

/**
 * Turns positions in a rendered file into positions in the template that produced it, so a
 * diagnostic about rendered text points at the line a user can edit. Every stage that checks
 * rendered text (the cross-layer checks, the PHI proof) reports through it.
 */
public final class TemplatePositions {
    private final SourceFile template;
    private final SourceFile rendered;
    private final LineOrigins origins;

    public TemplatePositions(SourceFile template, String renderedText, LineOrigins origins) {
        this.template = template;
        this.rendered = new SourceFile(template.path(), renderedText);
        this.origins = origins;
    }

    /**
     * Returns the template position that produced {@code renderedAt}, a position in the rendered
     * text. When the template line holds {@code token} literally, the column is the token's;
     * otherwise it is the first tag on the line, which is what wrote the token.
     */
    public Position at(Position renderedAt, String token) {
        if (!renderedAt.hasLine() || !renderedAt.file().equals(template.path())) {
            return renderedAt;
        }
        int line = origins.templateLine(renderedAt.line());
        String templateLine = template.line(line);
        String renderedLine = rendered.line(renderedAt.line());
        int column;
        if (templateLine.equals(renderedLine)) {
            column = renderedAt.column();
        } else if (token != null && !token.isEmpty() && templateLine.contains(token)) {
            column = templateLine.indexOf(token) + 1;
        } else if (templateLine.contains("<%")) {
            column = templateLine.indexOf("<%") + 1;
        } else {
            column = Math.max(1, templateLine.length() - templateLine.stripLeading().length() + 1);
        }
        return Position.of(template.path(), line, column);
    }

    /** Returns the template position of a character offset in the rendered text. */
    public Position atOffset(int offset, String token) {
        return at(rendered.positionOf(offset), token);
    }

    /** Returns the rendered text as a source file, for parsers that report positions in it. */
    public SourceFile rendered() {
        return rendered;
    }
}
