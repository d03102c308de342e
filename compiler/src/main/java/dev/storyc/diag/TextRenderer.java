package dev.storyc.diag;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Renders diagnostics the way rustc does: the code and message, an arrow to {@code file:line:col},
 * the source line with a caret under the problem, then help and related locations.
 *
 * <pre>
 * error[E0401]: `env.warehouse.shema` is not defined
 *   --> stories/patients/views/patients.view.lkml:3:19
 *    |
 *  3 | sql_table_name: <% env.warehouse.shema %>.patients ;;
 *    |                 ^^^^^^^^^^^^^^^^^^^^^^^^^
 *    = help: did you mean `env.warehouse.schema`?
 * </pre>
 */
public final class TextRenderer {
    private static final String RED = "\u001b[1;31m";
    private static final String YELLOW = "\u001b[1;33m";
    private static final String BLUE = "\u001b[1;34m";
    private static final String BOLD = "\u001b[1m";
    private static final String RESET = "\u001b[0m";

    /** The most characters of a source line quoted under a diagnostic. */
    static final int MAX_QUOTED = 160;
    private static final String ELLIPSIS = "\u2026";
    /** What a masked value prints as. */
    public static final String SECRET_MASK = "********";

    private final Function<String, SourceFile> sources;
    private final boolean color;

    /** @param sources looks a file up by workspace-relative path; may return null */
    public TextRenderer(Function<String, SourceFile> sources, boolean color) {
        this.sources = sources;
        this.color = color;
    }

    /** Returns a renderer over a fixed set of sources. */
    public static TextRenderer over(List<SourceFile> files, boolean color) {
        Map<String, SourceFile> byPath = new java.util.HashMap<>();
        files.forEach(f -> byPath.put(f.path(), f));
        return new TextRenderer(byPath::get, color);
    }

    /**
     * Returns the sources with the value masked on every line where a diagnostic says a secret is
     * written in the file (E0218), so that no quote of that line shows it: not the E0218's own, and
     * not another diagnostic's note that points at the same line ("`warehouse.password` is set
     * here"), which quoted it in clear.
     */
    public static List<SourceFile> withWrittenSecretsMasked(List<SourceFile> sources,
            java.util.Collection<Diagnostic> diagnostics) {
        Map<String, Map<Integer, Integer>> columnsByLine = new java.util.HashMap<>();
        for (Diagnostic diagnostic : diagnostics) {
            Position at = diagnostic.position();
            if (diagnostic.code() == Code.ENV_SECRET_EXPOSED && at.hasLine()) {
                columnsByLine.computeIfAbsent(at.file(), f -> new java.util.HashMap<>())
                        .merge(at.line(), Math.max(at.column(), 1), Math::min);
            }
        }
        if (columnsByLine.isEmpty()) {
            return sources;
        }
        return sources.stream().map(source -> {
            Map<Integer, Integer> lines = columnsByLine.get(source.path());
            if (lines == null) {
                return source;
            }
            List<String> text = new java.util.ArrayList<>(List.of(source.text().split("\n", -1)));
            lines.forEach((line, column) -> {
                if (line <= text.size()) {
                    String quoted = text.get(line - 1);
                    int from = Math.min(quoted.length(), column - 1);
                    text.set(line - 1, quoted.substring(0, from) + maskLiterals(quoted.substring(from)));
                }
            });
            return new SourceFile(source.path(), String.join("\n", text));
        }).toList();
    }

    public String render(Diagnostic diagnostic) {
        StringBuilder out = new StringBuilder();
        String severityColor = diagnostic.severity() == Severity.ERROR ? RED
                : diagnostic.severity() == Severity.WARNING ? YELLOW : BOLD;
        out.append(paint(severityColor, diagnostic.severity().label() + "[" + diagnostic.code().id() + "]"))
                .append(paint(BOLD, ": " + visible(diagnostic.message()))).append('\n');
        Position position = diagnostic.position();
        String line = position.hasLine() ? lineOf(position) : "";
        if (diagnostic.code() == Code.ENV_SECRET_EXPOSED) {
            // The value follows the key the caret points at; what comes before keeps its columns.
            int from = Math.min(line.length(), Math.max(position.column(), 1) - 1);
            line = line.substring(0, from) + maskLiterals(line.substring(from));
        }
        String gutter = " ".repeat(String.valueOf(Math.max(position.line(), 1)).length());
        out.append(gutter).append(paint(BLUE, "--> ")).append(position).append('\n');
        if (!line.isEmpty()) {
            int column = Math.max(position.column(), 1);
            // A very long line (minified JSON, a generated value) is quoted as a window around the
            // column, so one diagnostic never prints megabytes.
            int start = line.length() <= MAX_QUOTED ? 0 : Math.max(0, Math.min(column - 1 - MAX_QUOTED / 3,
                    line.length() - MAX_QUOTED));
            int end = Math.min(line.length(), start + MAX_QUOTED);
            String prefix = start > 0 ? ELLIPSIS : "";
            String window = prefix + line.substring(start, end) + (end < line.length() ? ELLIPSIS : "");
            int caretAt = column - 1 - start + prefix.length();
            int caret = Math.min(caretLength(window, caretAt), Math.max(1, window.length() - caretAt));
            out.append(gutter).append(paint(BLUE, " |")).append('\n');
            out.append(paint(BLUE, position.line() + " |")).append(' ').append(expandTabs(window)).append('\n');
            out.append(gutter).append(paint(BLUE, " |")).append(' ')
                    .append(" ".repeat(displayWidth(window, caretAt)))
                    .append(paint(severityColor, "^".repeat(caret)))
                    .append('\n');
        }
        diagnostic.hint().ifPresent(hint ->
                out.append(gutter).append(paint(BLUE, " = ")).append(paint(BOLD, "help")).append(": ").append(visible(hint))
                        .append('\n'));
        for (Related related : diagnostic.related()) {
            out.append(gutter).append(paint(BLUE, " = ")).append(paint(BOLD, "note")).append(": ")
                    .append(visible(related.message()));
            if (related.position().equals(position)) {
                out.append('\n');
                continue; // a note about the same place needs no second arrow or quote
            }
            out.append(" at ").append(related.position()).append('\n');
            String relatedLine = related.position().hasLine() ? lineOf(related.position()) : "";
            if (!relatedLine.isEmpty()) {
                out.append(gutter).append("     ").append(expandTabs(shortened(relatedLine.strip()))).append('\n');
            }
        }
        return out.toString();
    }

    /** Returns the closing line, such as "2 errors, 1 warning". */
    public static String summary(List<Diagnostic> diagnostics) {
        long errors = diagnostics.stream().filter(d -> d.severity() == Severity.ERROR).count();
        long warnings = diagnostics.stream().filter(d -> d.severity() == Severity.WARNING).count();
        return Plural.of(errors, "error") + ", " + Plural.of(warnings, "warning");
    }

    private String lineOf(Position position) {
        SourceFile source = sources.apply(position.file());
        return source == null ? "" : source.line(position.line());
    }

    /** Underlines a whole {@code <% tag %>} or word, so the caret shows what is meant, not a point. */
    private static int caretLength(String line, int start) {
        if (start >= line.length()) {
            return 1;
        }
        if (line.charAt(start) == '"') {
            int end = line.indexOf('"', start + 1);
            return end < 0 ? 1 : end + 1 - start;
        }
        if (line.startsWith("<%", start)) {
            int end = line.indexOf("%>", start);
            return end < 0 ? 2 : end + 2 - start;
        }
        int end = start;
        while (end < line.length() && isWordChar(line.charAt(end))) {
            end++;
        }
        return Math.max(1, end - start);
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-' || c == '$' || c == '{' || c == '}';
    }

    private static int displayWidth(String line, int chars) {
        int width = 0;
        for (int i = 0; i < Math.min(chars, line.length()); i++) {
            width += line.charAt(i) == '\t' ? 4 : 1;
        }
        return width + Math.max(0, chars - line.length());
    }

    /** A reference's default, {@code :-value} up to its closing brace: the part a secret hides in. */
    private static final java.util.regex.Pattern REFERENCE_DEFAULT = java.util.regex.Pattern.compile(":-[^}]*}");

    /**
     * Returns the line with every quoted literal that is not a reference replaced by a mask, and
     * every reference's default too: the line under "a secret would be exposed" is likely to hold
     * the secret itself, as a value or as {@code ${env:NAME:-value}}.
     */
    static String maskLiterals(String line) {
        StringBuilder out = new StringBuilder(line.length());
        int i = 0;
        while (i < line.length()) {
            char quote = line.charAt(i);
            int close = quote == '"' || quote == '\'' ? line.indexOf(quote, i + 1) : -1;
            if (close < 0) {
                out.append(quote);
                i++;
                continue;
            }
            String literal = line.substring(i + 1, close);
            out.append(quote).append(literal.isEmpty() ? literal
                            : literal.contains("${") ? REFERENCE_DEFAULT.matcher(literal)
                                    .replaceAll(java.util.regex.Matcher.quoteReplacement(":-" + SECRET_MASK + "}"))
                            : SECRET_MASK)
                    .append(quote);
            i = close + 1;
        }
        return out.toString();
    }

    private static String shortened(String line) {
        return line.length() <= MAX_QUOTED ? line : line.substring(0, MAX_QUOTED) + ELLIPSIS;
    }

    /**
     * Returns a quoted source line as a terminal shows it safely: tabs as four spaces, and every
     * other control character as U+FFFD, one column wide like the character it stands for, so the
     * caret stays under its column. A user's file may hold an escape sequence, which must not reach
     * the terminal as one.
     */
    private static String expandTabs(String line) {
        StringBuilder out = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\t') {
                out.append("    ");
            } else {
                out.append(Printable.isControl(c) ? '\ufffd' : c);
            }
        }
        return out.toString();
    }

    /**
     * Returns a message with each control character but a line end written as its escape, such as
     * {@code \u0000}: messages quote names and values from the user's files, which may hold any
     * character, and one the terminal would act on, or not show at all, must be seen instead.
     */
    static String visible(String message) {
        return Printable.keepingLineEnds(message);
    }

    private String paint(String ansi, String text) {
        return color ? ansi + text + RESET : text;
    }
}
