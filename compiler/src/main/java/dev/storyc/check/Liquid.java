package dev.storyc.check;

import dev.storyc.diag.Position;
import dev.storyc.diag.SourceFile;
import liqp.TemplateContext;
import liqp.TemplateParser;
import liqp.blocks.Block;
import liqp.exceptions.LiquidException;
import liqp.nodes.LNode;
import liqp.parser.Flavor;
import liqp.tags.Tag;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Liquid that LookML carries in {@code sql}, {@code html}, links and labels: parsed with Liqp,
 * taught Looker's own tags ({@code condition}, {@code incrementcondition}, {@code parameter},
 * {@code date_start}, {@code date_end}), and searched for the fields it names.
 *
 * <p>The field names are found with patterns over the text of each {@code {{ }}} and {@code {% %}}
 * rather than in Liqp's tree: Liqp keeps lookups as nested evaluation nodes with no positions, and
 * what Looker gives meaning to is a small, fixed set of shapes ({@code view.field._value},
 * {@code _filters['view.field']}, the argument of Looker's tags).
 */
final class Liquid {
    /** A syntax error: Liqp's message, at a 1-based line and 0-based column of the text. */
    record Problem(String message, int line, int column) {}

    /**
     * A field Liquid names, as written ({@code view.field} or {@code field}), at an offset of the
     * text.
     */
    record FieldName(String name, int offset) {}

    private static final TemplateParser PARSER =
            new TemplateParser.Builder()
                    .withFlavor(Flavor.LIQUID)
                    .withBlock(new LookerBlock("condition"))
                    .withBlock(new LookerBlock("incrementcondition"))
                    .withTag(new LookerTag("parameter"))
                    .withTag(new LookerTag("date_start"))
                    .withTag(new LookerTag("date_end"))
                    .build();
    private static final Map<String, Optional<Problem>> PROBLEMS = new ConcurrentHashMap<>();

    private static final Pattern SPAN = Pattern.compile("\\{\\{.*?}}|\\{%.*?%}", Pattern.DOTALL);
    private static final Pattern ATTRIBUTE =
            Pattern.compile(
                    "(?<![\\w.'\"])([A-Za-z_]\\w*(?:\\.[A-Za-z_]\\w*)?)\\._"
                            + "(?:value|rendered_value|filterable_value|link|linked_value"
                            + "|is_selected|in_query|is_filtered|parameter_value|sql|name)\\b");
    private static final Pattern FILTERS =
            Pattern.compile("_filters\\s*\\[\\s*['\"]([\\w.]+)['\"]\\s*]");
    private static final Pattern LOOKER_TAG =
            Pattern.compile(
                    "\\{%-?\\s*(?:condition|parameter|date_start|date_end)\\s+([A-Za-z_][\\w.]*)");

    /**
     * How deep Liquid blocks may nest. Liqp's parser and its tree recurse once per level, so a
     * field nested thousands deep would exhaust the stack; real LookML nests a few levels.
     */
    static final int MAX_BLOCK_DEPTH = 100;
    /** A tag that opens a block ({@code if}, {@code for}...) or ends one ({@code endif}...). */
    private static final Pattern BLOCK_TAG = Pattern.compile(
            "\\{%-?\\s*(end)?(if|unless|case|for|tablerow|capture|comment|raw|condition|incrementcondition)\\b");

    private Liquid() {}

    /** Returns why the text is not valid Liquid, or empty when it parses. */
    static Optional<Problem> problem(String text) {
        return PROBLEMS.computeIfAbsent(
                text,
                t -> {
                    Optional<Problem> tooDeep = tooDeep(t);
                    if (tooDeep.isPresent()) {
                        return tooDeep;
                    }
                    try {
                        PARSER.parse(withoutSubstitutions(t));
                        return Optional.empty();
                    } catch (LiquidException e) {
                        return Optional.of(
                                new Problem(
                                        message(e.getMessage()),
                                        e.line,
                                        Math.max(0, e.charPositionInLine)));
                    } catch (RuntimeException e) {
                        return Optional.of(new Problem(String.valueOf(e.getMessage()), 0, 0));
                    }
                });
    }

    /** Returns where blocks first nest deeper than {@link #MAX_BLOCK_DEPTH}, found without recursion. */
    private static Optional<Problem> tooDeep(String text) {
        int depth = 0;
        for (Matcher tag = BLOCK_TAG.matcher(text); tag.find(); ) {
            depth += tag.group(1) == null ? 1 : -1;
            if (depth > MAX_BLOCK_DEPTH) {
                Position at = new SourceFile("", text).positionOf(tag.start());
                return Optional.of(new Problem("blocks are nested more than " + MAX_BLOCK_DEPTH + " deep",
                        at.line(), at.column() - 1));
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the fields the text's Liquid names, in order. Names that begin with {@code _} are
     * Looker's.
     */
    static List<FieldName> fieldNames(String text) {
        List<FieldName> names = new ArrayList<>();
        Matcher span = SPAN.matcher(text);
        while (span.find()) {
            String inside = span.group();
            for (Pattern pattern : List.of(ATTRIBUTE, FILTERS, LOOKER_TAG)) {
                Matcher m = pattern.matcher(inside);
                while (m.find()) {
                    String name = m.group(1);
                    if (!name.startsWith("_")) {
                        names.add(new FieldName(name, span.start() + m.start(1)));
                    }
                }
            }
        }
        names.sort(java.util.Comparator.comparingInt(FieldName::offset));
        return names;
    }

    /**
     * Looker replaces {@code ${...}} and {@code @{...}} before Liquid runs, so
     * {@code {% parameter ${region} %}} is valid; each becomes a name of the same length, which
     * keeps the columns of any problem.
     */
    private static String withoutSubstitutions(String text) {
        if (!text.contains("${") && !text.contains("@{")) {
            return text;
        }
        StringBuilder out = new StringBuilder(text);
        for (int i = 0; i + 1 < out.length(); i++) {
            char c = out.charAt(i);
            if ((c == '$' || c == '@') && out.charAt(i + 1) == '{') {
                int close = out.indexOf("}", i + 2);
                if (close < 0) {
                    break;
                }
                for (int j = i; j <= close; j++) {
                    out.setCharAt(j, out.charAt(j) == '\n' ? '\n' : (j == i ? 'x' : '_'));
                }
                i = close;
            }
        }
        return out.toString();
    }

    /**
     * Keeps the part of Liqp's message a person reads: the problem, without the token list ANTLR
     * expected.
     */
    private static String message(String raw) {
        String message = String.valueOf(raw);
        int quote = message.indexOf('"');
        int end = message.lastIndexOf('"');
        if (quote >= 0 && end > quote) {
            message = message.substring(quote + 1, end);
        }
        int expecting = message.indexOf(" expecting {");
        return expecting > 0 ? message.substring(0, expecting) : message;
    }

    /** A Looker tag: only its syntax matters here, so it renders nothing. */
    private static final class LookerTag extends Tag {
        LookerTag(String name) {
            super(name);
        }

        @Override
        public Object render(TemplateContext context, LNode... nodes) {
            return "";
        }
    }

    /** A Looker block tag ({@code {% condition %}...{% endcondition %}}). */
    private static final class LookerBlock extends Block {
        LookerBlock(String name) {
            super(name);
        }

        @Override
        public Object render(TemplateContext context, LNode... nodes) {
            return "";
        }
    }
}
