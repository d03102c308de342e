package dev.storyc.config;

import dev.storyc.diag.Position;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An Origin says how a value came to be where it is: written in a table, inherited through
 * {@code extends}, instantiated from a template, copied by a reference, or filled in as a default.
 * Origins nest, so that {@code storyc env explain} can tell the whole story of a value while
 * {@link ConfigValue#position()} keeps pointing at the line an error should name.
 */
public sealed interface Origin {

    /** Returns the steps from the value's use back to where it was written, outermost first. */
    default List<Origin> chain() {
        List<Origin> steps = new ArrayList<>();
        Origin current = this;
        while (current != null) {
            steps.add(current);
            current = current.inner().orElse(null);
        }
        return steps;
    }

    /** Returns the origin this step wraps, if any. */
    default Optional<Origin> inner() {
        return Optional.empty();
    }

    /**
     * Returns this origin with the spelling of the value as written recorded at its root, for
     * values whose text was computed from references or parameters.
     */
    default Origin withWrittenSpelling(String text) {
        if (this instanceof Written written) {
            return written.spelling().isPresent() ? written : written.withSpelling(text);
        }
        if (this instanceof Inherited inherited) {
            return new Inherited(inherited.child(), inherited.parent(), inherited.extendsAt(),
                    inherited.from().withWrittenSpelling(text));
        }
        if (this instanceof Instantiated instantiated) {
            return new Instantiated(instantiated.template(), instantiated.developer(), instantiated.at(),
                    instantiated.from().withWrittenSpelling(text));
        }
        return this;
    }

    /** Returns the origin at the end of the chain: where the value was written or declared. */
    default Origin root() {
        List<Origin> steps = chain();
        return steps.get(steps.size() - 1);
    }

    /**
     * The value was written at {@code position} in {@code table} (such as {@code [bases.redshift]}).
     * {@code spelling} is the text as written when references were interpolated into it.
     */
    record Written(Position position, String table, Optional<String> spelling) implements Origin {
        public Written withSpelling(String text) {
            return new Written(position, table, Optional.of(text));
        }
    }

    /** {@code child} took the value from {@code parent} through the extends entry at {@code extendsAt}. */
    record Inherited(String child, String parent, Position extendsAt, Origin from) implements Origin {
        @Override
        public Optional<Origin> inner() {
            return Optional.of(from);
        }
    }

    /** The template {@code template} was instantiated for developer {@code developer} at {@code at}. */
    record Instantiated(String template, String developer, Position at, Origin from) implements Origin {
        @Override
        public Optional<Origin> inner() {
            return Optional.of(from);
        }
    }

    /** The reference {@code ${expression}} at {@code at} copied the value of {@code environment.path}. */
    record Referenced(String expression, String environment, String path, Position at, Origin target)
            implements Origin {
        @Override
        public Optional<Origin> inner() {
            return Optional.of(target);
        }
    }

    /** The value is the default that {@code record.field} declares at {@code declaredAt}. */
    record Defaulted(String record, String field, Position declaredAt) implements Origin {}

    /** Returns the origin of a value written at a position in a table. */
    static Origin written(Position position, String table) {
        return new Written(position, table, Optional.empty());
    }
}
