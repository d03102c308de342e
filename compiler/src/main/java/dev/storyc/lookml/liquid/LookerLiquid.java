package dev.storyc.lookml.liquid;

import dev.storyc.diag.Position;
import dev.storyc.diag.SourceFile;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import liqp.TemplateContext;
import liqp.TemplateParser;
import liqp.blocks.Block;
import liqp.exceptions.LiquidException;
import liqp.nodes.LNode;
import liqp.parser.Flavor;
import liqp.tags.Tag;

/**
 * The Liquid that LookML carries, as Looker reads it: parsed with Liqp, taught Looker's own tags
 * ({@code condition}, {@code incrementcondition}, {@code parameter}, {@code date_start},
 * {@code date_end}), after Looker's {@code ${...}} and {@code @{...}} substitutions. Both stages
 * that read LookML's Liquid ask here, so that {@code check} and {@code validate} accept the same
 * Liquid: a parser of its own in {@code validate} did not know Looker's tags and refused every
 * templated filter and parameter that {@code check} had passed.
 */
public final class LookerLiquid {
    /** A syntax error: Liqp's message, at a 1-based line and 0-based column of the text. */
    public record Problem(String message, int line, int column) {
        /** Returns where the problem is in a text that starts at {@code start}. */
        public Position at(Position start) {
            if (!start.hasLine() || line < 1) {
                return start;
            }
            return line == 1
                    ? Position.of(start.file(), start.line(), start.column() + column)
                    : Position.of(start.file(), start.line() + line - 1, column + 1);
        }
    }

    private static final TemplateParser PARSER =
            new TemplateParser.Builder()
                    .withFlavor(Flavor.LIQUID)
                    .withBlock(new LookerBlock("condition"))
                    .withBlock(new LookerBlock("incrementcondition"))
                    .withTag(new LookerTag("parameter"))
                    .withTag(new LookerTag("date_start"))
                    .withTag(new LookerTag("date_end"))
                    .build();

    /** What to do about a {@link Problem}, the same words wherever one is reported. */
    public static final String SYNTAX_HINT = "every {% if %}, {% for %}, {% case %} and {% condition %} needs"
            + " its {% end... %}; tags are spelt as in Liquid, plus Looker's condition, incrementcondition,"
            + " parameter, date_start and date_end";
    private static final Map<String, Optional<Problem>> PROBLEMS = new ConcurrentHashMap<>();

    /**
     * How deep Liquid blocks may nest. Liqp's parser and its tree recurse once per level, so a
     * field nested thousands deep would exhaust the stack; real LookML nests a few levels.
     */
    public static final int MAX_BLOCK_DEPTH = 100;
    /** A tag that opens a block ({@code if}, {@code for}...) or ends one ({@code endif}...). */
    private static final Pattern BLOCK_TAG = Pattern.compile(
            "\\{%-?\\s*(end)?(if|unless|case|for|tablerow|capture|comment|raw|condition|incrementcondition)\\b");

    private LookerLiquid() {}

    /** Returns true when the text holds Liquid at all. */
    public static boolean isPresent(String text) {
        return text.contains("{%") || text.contains("{{");
    }

    /** Returns why the text is not valid Liquid, or empty when it parses. */
    public static Optional<Problem> problem(String text) {
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
