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
        java.util.OptionalInt aligned = aligned(templateLine, renderedLine, renderedAt.column());
        boolean named = token != null && !token.isEmpty();
        if (templateLine.equals(renderedLine)) {
            column = renderedAt.column();
        } else if (aligned.isPresent() && named && templateLine.indexOf(token, aligned.getAsInt() - 1) >= 0) {
            // The name as written, from where the rendered one starts: `extras` of `<% schema %>.extras`.
            column = templateLine.indexOf(token, aligned.getAsInt() - 1) + 1;
        } else if (aligned.isPresent() && !(named && templateLine.contains(token))) {
            column = aligned.getAsInt();
        } else if (token != null && !token.isEmpty() && templateLine.contains(token)) {
            column = templateLine.indexOf(token) + 1;
        } else if (templateLine.contains("<%")) {
            column = templateLine.indexOf("<%") + 1;
        } else {
            column = Math.max(1, templateLine.length() - templateLine.stripLeading().length() + 1);
        }
        return Position.of(template.path(), line, column);
    }

    /**
     * Returns the template column of a rendered column on a line whose tags expanded in place: the
     * literal text between tags appears in the rendered line in order, so a column in it maps to
     * the same character of the template, and a column inside an expansion maps to its tag's
     * {@code <%}. Empty when the literals do not line up (a partial's lines, a tag that spans
     * lines). Before it, a name after the second tag of a line was placed at the first (round 22).
     */
    static java.util.OptionalInt aligned(String template, String rendered, int renderedColumn) {
        int target = renderedColumn - 1;
        int t = 0;
        int r = 0;
        while (true) {
            int open = template.indexOf("<%", t);
            String literal = open < 0 ? template.substring(t) : template.substring(t, open);
            if (!rendered.startsWith(literal, r)) {
                return java.util.OptionalInt.empty();
            }
            if (target < r + literal.length()) {
                return java.util.OptionalInt.of(t + (target - r) + 1);
            }
            r += literal.length();
            int close = open < 0 ? -1 : template.indexOf("%>", open);
            if (close < 0) {
                return java.util.OptionalInt.empty();
            }
            t = close + 2;
            int nextOpen = template.indexOf("<%", t);
            String next = nextOpen < 0 ? template.substring(t) : template.substring(t, nextOpen);
            // Where the expansion ends: where the next literal starts, unknown when two tags touch.
            int end = next.isEmpty() ? (nextOpen < 0 ? rendered.length() : -1) : rendered.indexOf(next, r);
            if (end < 0) {
                return java.util.OptionalInt.empty();
            }
            if (target < end) {
                return java.util.OptionalInt.of(open + 1);
            }
            r = end;
        }
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
