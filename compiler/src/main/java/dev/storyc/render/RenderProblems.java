package dev.storyc.render;

import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Position;
import dev.storyc.diag.SourceFile;
import dev.storyc.diag.Spelling;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RenderProblems collects what goes wrong while one template executes. It travels as the outermost
 * Mustache scope, so compiled templates can be shared between environments and still report into
 * the right run.
 */
final class RenderProblems {
    private final Map<String, SourceFile> sources;
    private final Map<String, Object> context;
    private final Set<String> seen = new LinkedHashSet<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    /** @param context the data the template sees, to suggest a name close to a misspelt one */
    RenderProblems(Map<String, SourceFile> sources, Map<String, Object> context) {
        this.sources = sources;
        this.context = context;
    }

    void undefined(String file, int line, String name) {
        if (seen.add("u\u0000" + file + "\u0000" + line + "\u0000" + name)) {
            diagnostics.add(Diagnostic.error(Code.TEMPLATE_UNDEFINED_NAME, locate(file, line, name),
                            "`" + name + "` is not defined")
                    .withHint(Spelling.didYouMean(name, knownNames()).orElse(hintFor(name))));
        }
    }

    /** Returns every dotted name the context defines, such as {@code env.warehouse.schema}. */
    private List<String> knownNames() {
        List<String> names = new ArrayList<>();
        collect("", context, names);
        return names;
    }

    private static void collect(String prefix, Map<?, ?> map, List<String> into) {
        map.forEach((key, value) -> {
            String name = prefix + key;
            into.add(name);
            if (value instanceof Map<?, ?> nested) {
                collect(name + ".", nested, into);
            }
        });
    }

    void secret(String file, int line, String name) {
        if (seen.add("s\u0000" + file + "\u0000" + line + "\u0000" + name)) {
            diagnostics.add(Diagnostic.error(Code.TEMPLATE_RENDERS_SECRET, locate(file, line, name),
                            "`" + name + "` is a secret and cannot be rendered into a file")
                    .withHint("secrets are read by the tools that run the output, never written into it;"
                            + " pass the connection's name instead"));
        }
    }

    List<Diagnostic> diagnostics() {
        return List.copyOf(diagnostics);
    }

    /**
     * Returns the position of a tag naming {@code name} on a line. Mustache.java only knows lines,
     * so the column is found by looking for the tag in the source text.
     */
    Position locate(String file, int line, String name) {
        SourceFile source = sources.get(file);
        if (source == null) {
            return Position.of(file, Math.max(line, 1), 1);
        }
        Pattern tag = Pattern.compile("<%\\s*[#^/&{><$]?\\s*" + Pattern.quote(name) + "\\s*}?\\s*%>");
        // Mustache.java reports the line where a tag's statement began; look a little further for it.
        int last = Math.max(line, 1) + 5;
        for (int candidate = Math.max(line, 1); candidate <= last; candidate++) {
            Matcher matcher = tag.matcher(source.line(candidate));
            if (matcher.find()) {
                return Position.of(file, candidate, matcher.start() + 1);
            }
        }
        // Some errors carry no line at all (a missing partial): the tag's first use is the place.
        Matcher anywhere = tag.matcher(source.text());
        if (anywhere.find()) {
            return source.positionOf(anywhere.start());
        }
        return Position.of(file, Math.max(line, 1), 1);
    }

    /**
     * Returns where on the reported line a malformed tag starts: the first {@code <%} that the
     * line does not close, else the line's first {@code <%}. Mustache.java reports the line only,
     * and on a long line a caret under column 1 says nothing.
     */
    /**
     * Returns the first {@code <%} of a file that opens a tag holding {@code firstLine}, the first
     * line of a tag's text; empty when the file is unknown or holds none.
     */
    java.util.Optional<Position> locateOpening(String file, String firstLine) {
        SourceFile source = sources.get(file);
        if (source == null) {
            return java.util.Optional.empty();
        }
        String text = source.text();
        for (int open = text.indexOf("<%"); open >= 0; open = text.indexOf("<%", open + 2)) {
            int lineEnd = text.indexOf('\n', open);
            String rest = text.substring(open + 2, lineEnd < 0 ? text.length() : lineEnd).strip();
            if (firstLine.isEmpty() ? rest.isEmpty() : rest.startsWith(firstLine)) {
                return java.util.Optional.of(source.positionOf(open));
            }
        }
        return java.util.Optional.empty();
    }

    /** Returns where a section named {@code name} opens ({@code <%# name} or {@code <%^ name}) in a file. */
    java.util.Optional<Position> locateSection(String file, String name) {
        SourceFile source = sources.get(file);
        if (source == null) {
            return java.util.Optional.empty();
        }
        java.util.regex.Matcher opening = java.util.regex.Pattern.compile(
                "<%\\s*[#^]\\s*" + java.util.regex.Pattern.quote(name) + "\\s*%>").matcher(source.text());
        java.util.Optional<Position> last = java.util.Optional.empty();
        // The last one: sections nest, and Mustache.java reports the innermost it could not close.
        while (opening.find()) {
            last = java.util.Optional.of(source.positionOf(opening.start()));
        }
        return last;
    }

    /** Returns the first {@code <%} of a file with no {@code %>} before the next tag or the end. */
    java.util.Optional<Position> locateUnclosed(String file) {
        SourceFile source = sources.get(file);
        if (source == null) {
            return java.util.Optional.empty();
        }
        String text = source.text();
        for (int open = text.indexOf("<%"); open >= 0; open = text.indexOf("<%", open + 2)) {
            int close = text.indexOf("%>", open + 2);
            int next = text.indexOf("<%", open + 2);
            if (close < 0 || next >= 0 && next < close) {
                return java.util.Optional.of(source.positionOf(open));
            }
        }
        return java.util.Optional.empty();
    }

    Position locateOpenTag(Position at) {
        SourceFile source = sources.get(at.file());
        if (source == null || !at.hasLine()) {
            return at;
        }
        String text = source.line(at.line());
        int first = text.indexOf("<%");
        for (int open = first; open >= 0; open = text.indexOf("<%", open + 2)) {
            int close = text.indexOf("%>", open + 2);
            int next = text.indexOf("<%", open + 2);
            if (close < 0 || next >= 0 && next < close) {
                return Position.of(at.file(), at.line(), open + 1);
            }
        }
        return first >= 0 ? Position.of(at.file(), at.line(), first + 1) : at;
    }

    private static String hintFor(String name) {
        if (name.startsWith("env.")) {
            return "environment values are env.name, env.kind, env.connection, env.model, env.warehouse.*, "
                    + "env.variables.* and env.looker.*; see `storyc env show ENV`";
        }
        if (name.startsWith("story.")) {
            return "story values are story.id, story.title, story.owner and story.ticket";
        }
        return "templates see `env`, `story`, `release` and `sql`; names are case-sensitive";
    }
}
