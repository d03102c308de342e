package dev.storyc.phi;

import java.util.List;
import java.util.Objects;

/**
 * What an environment does with a class of protected health information wherever a compiled
 * output reads it. The set is closed: {@link TreatmentSql} renders each one, and the proof check
 * knows each one's SQL.
 */
public sealed interface Treatment {
    /** The spellings environments.toml uses, strictest last. */
    List<String> SPELLINGS = List.of("allow", "pseudonymize", "generalize", "redact");

    /** Returns the spelling of this treatment, as environments.toml writes it. */
    String spelling();

    /** Returns true when the value reaches the output as it is. */
    default boolean exposesRawValues() {
        return this instanceof Allow;
    }

    /** The value as it is: only production-like environments may. */
    record Allow() implements Treatment {
        @Override
        public String spelling() {
            return "allow";
        }
    }

    /**
     * A keyed hash of the value, the same for the same value within an environment, so joins,
     * distinct counts and filters on a pseudonym keep working while the value cannot be read.
     */
    record Pseudonymize(PseudonymKey key) implements Treatment {
        public Pseudonymize {
            Objects.requireNonNull(key, "key");
        }

        @Override
        public String spelling() {
            return "pseudonymize";
        }
    }

    /** Part of the value, as Safe Harbor allows: the year of a date, the 3-digit ZIP. */
    record Generalize() implements Treatment {
        @Override
        public String spelling() {
            return "generalize";
        }
    }

    /** A constant in place of every value: nothing of it is left. */
    record Redact() implements Treatment {
        @Override
        public String spelling() {
            return "redact";
        }
    }
}
