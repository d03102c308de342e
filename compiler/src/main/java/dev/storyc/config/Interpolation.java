package dev.storyc.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Interpolation is a string value of environments.toml split into literal text and {@code ${...}}
 * references. {@code $${} writes a literal {@code ${}, so LookML such as {@code $${TABLE}} can be
 * carried in a variable.
 *
 * <p>A reference is one of: a path in the same environment ({@code ${warehouse.database}}), a path
 * in another ({@code ${environments.production.connection}}), a template parameter
 * ({@code ${params.name}}), or a variable of the process ({@code ${env:VAR}}, {@code ${env:VAR:-default}},
 * {@code ${sys:NAME}}). Anything else is reported, never kept as text.
 */
record Interpolation(List<Part> parts, Optional<Integer> unclosedAt) {
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern LOOKUP = Pattern.compile("([A-Za-z][A-Za-z0-9_]*):(.*)", Pattern.DOTALL);
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern SYS_NAME = Pattern.compile("[A-Za-z0-9_.-]+");
    static final String ENVIRONMENTS = "environments.";
    static final String PARAMS = "params.";

    Interpolation {
        parts = List.copyOf(parts);
    }

    /** One piece of an interpolated string. */
    sealed interface Part permits Literal, Reference {}

    /** Text copied as it is. */
    record Literal(String text) implements Part {}

    /**
     * A {@code ${...}} reference as written; {@code offset} is the character offset of {@code $} in
     * the string.
     */
    record Reference(String expression, int offset) implements Part {
        /** Returns what the reference points at. */
        Target target() {
            return Interpolation.target(expression);
        }

        String spelling() {
            return "${" + expression + "}";
        }
    }

    /** What a reference points at. */
    sealed interface Target permits Path, Param, Variable, Refused, Invalid {}

    /** A value of an environment; {@code environment} is empty for the one being evaluated. */
    record Path(Optional<String> environment, String path) implements Target {}

    /** A parameter of the developer template. */
    record Param(String name) implements Target {}

    /** A variable of the process, read through {@link VariableLookups}. */
    record Variable(String prefix, String name, Optional<String> fallback) implements Target {}

    /** A lookup such as {@code file:} that environments.toml may not use. */
    record Refused(String prefix) implements Target {}

    /** Text between {@code ${} and {@code }} that is no reference at all. */
    record Invalid(String reason) implements Target {}

    /** Returns the parts of {@code text}. */
    static Interpolation parse(String text) {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        Optional<Integer> unclosed = Optional.empty();
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("$${", i)) {
                literal.append("${");
                i += 3;
            } else if (text.startsWith("${", i)) {
                int close = text.indexOf('}', i + 2);
                if (close < 0) {
                    unclosed = Optional.of(i);
                    literal.append(text, i, text.length());
                    break;
                }
                if (literal.length() > 0) {
                    parts.add(new Literal(literal.toString()));
                    literal.setLength(0);
                }
                parts.add(new Reference(text.substring(i + 2, close).strip(), i));
                i = close + 1;
            } else {
                literal.append(text.charAt(i++));
            }
        }
        if (literal.length() > 0) {
            parts.add(new Literal(literal.toString()));
        }
        return new Interpolation(parts, unclosed);
    }

    /** Returns the spelling of a literal string that contains no reference: {@code ${} escaped. */
    static String escape(String text) {
        return text.replace("${", "$${");
    }

    static Target target(String expression) {
        Matcher lookup = LOOKUP.matcher(expression);
        if (lookup.matches()) {
            String prefix = lookup.group(1);
            if (!VariableLookups.ALLOWED.contains(prefix)) {
                return new Refused(prefix);
            }
            String body = lookup.group(2);
            int dash = body.indexOf(":-");
            String name = dash < 0 ? body : body.substring(0, dash);
            Optional<String> fallback = dash < 0 ? Optional.empty() : Optional.of(body.substring(dash + 2));
            Pattern valid = prefix.equals("env") ? ENV_NAME : SYS_NAME;
            if (!valid.matcher(name).matches()) {
                return new Invalid("`" + name + "` is not a valid " + (prefix.equals("env")
                        ? "environment variable name" : "system property name"));
            }
            if (fallback.isPresent() && fallback.get().contains("$")) {
                return new Invalid("a default cannot contain `$`");
            }
            return new Variable(prefix, name, fallback);
        }
        if (expression.isEmpty()) {
            return new Invalid("the reference is empty");
        }
        for (String segment : expression.split("\\.", -1)) {
            if (!SEGMENT.matcher(segment).matches()) {
                return new Invalid("`" + expression + "` is not a dotted path of names");
            }
        }
        if (expression.startsWith(PARAMS)) {
            return new Param(expression.substring(PARAMS.length()));
        }
        if (expression.startsWith(ENVIRONMENTS)) {
            String rest = expression.substring(ENVIRONMENTS.length());
            int dot = rest.indexOf('.');
            return new Path(Optional.of(dot < 0 ? rest : rest.substring(0, dot)), dot < 0 ? "" : rest.substring(dot + 1));
        }
        return new Path(Optional.empty(), expression);
    }

    boolean hasReferences() {
        return parts.stream().anyMatch(p -> p instanceof Reference);
    }

    /** Returns the reference when the whole string is exactly one reference, whose type it keeps. */
    Optional<Reference> wholeReference() {
        return parts.size() == 1 && parts.get(0) instanceof Reference r ? Optional.of(r) : Optional.empty();
    }

    /** Returns the text with the literal-dollar escape undone, for strings that have no reference. */
    String literalText() {
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            if (part instanceof Literal l) {
                out.append(l.text());
            }
        }
        return out.toString();
    }
}
