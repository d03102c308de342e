package dev.storyc.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An Interpolation is a string value of environments.toml split into literal text and {@code ${...}}
 * references. {@code $${} writes a literal {@code ${}, so LookML such as {@code $${TABLE}} can be
 * carried in a variable.
 */
record Interpolation(List<Part> parts) {

    /** One piece of an interpolated string. */
    sealed interface Part permits Literal, Reference {}

    /** Text copied as it is. */
    record Literal(String text) implements Part {}

    /**
     * A {@code ${...}} reference; {@code offset} is the character offset of {@code $} in the string,
     * for positioning errors inside long values.
     */
    record Reference(String expression, int offset) implements Part {
        boolean isEnvironmentVariable() {
            return expression.startsWith("env:");
        }
    }

    /** Returns the parts of {@code text}, or empty with a reason when a reference is not closed. */
    static Interpolation parse(String text) {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("$${", i)) {
                literal.append("${");
                i += 3;
            } else if (text.startsWith("${", i)) {
                int close = text.indexOf('}', i + 2);
                if (close < 0) {
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
        return new Interpolation(parts);
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

    /** Parses {@code env:VAR} or {@code env:VAR:-default} into a secret reference. */
    static SecretReference environmentVariable(Reference reference) {
        String body = reference.expression().substring("env:".length());
        int dash = body.indexOf(":-");
        return dash < 0
                ? new SecretReference(body, Optional.empty())
                : new SecretReference(body.substring(0, dash), Optional.of(body.substring(dash + 2)));
    }
}
