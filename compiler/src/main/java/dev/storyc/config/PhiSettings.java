package dev.storyc.config;

import dev.storyc.diag.Position;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code phi} table of an environment as written: which treatment it names for each class of
 * protected health information, and the key of pseudonyms. Classes it does not name take the
 * default of the environment's kind, which the {@code phi} stage decides; this record only
 * carries what environments.toml says and where it says it, so that a refused setting is
 * reported at its line.
 *
 * @param treatments treatment spellings by class spelling, such as {@code identifier -> redact}
 * @param secret the key of pseudonyms as read: a {@link Tainted} value when it comes from the
 *     process environment, as it should, or the text written in environments.toml
 * @param positions where each key of {@code treatments}, and {@code secret}, was written
 * @param position where the environment (or its {@code phi} table) was defined
 */
public record PhiSettings(
        Map<String, String> treatments,
        Optional<Object> secret,
        Map<String, Position> positions,
        Position position) {

    /** The field of the environment record that holds these settings. */
    public static final String FIELD = "phi";
    /** The key of {@link #secret} in the {@code phi} table. */
    public static final String SECRET = "secret";

    public PhiSettings {
        treatments = Map.copyOf(treatments);
        Objects.requireNonNull(secret, "secret");
        positions = Map.copyOf(positions);
        Objects.requireNonNull(position, "position");
    }

    /** Returns settings that name nothing, so every class takes its kind's default. */
    public static PhiSettings none(Position position) {
        return new PhiSettings(Map.of(), Optional.empty(), Map.of(), position);
    }

    /** Returns where a key was written, or the environment's position when it was not. */
    public Position positionOf(String key) {
        return positions.getOrDefault(key, position);
    }

    /** Reads the settings out of a checked environment table. */
    static PhiSettings of(ConfigTable environment) {
        Optional<ConfigValue> value = environment.get(FIELD);
        if (value.isEmpty() || !(value.get() instanceof ConfigTable table)) {
            return none(environment.position());
        }
        Map<String, String> treatments = new java.util.TreeMap<>();
        Map<String, Position> positions = new java.util.HashMap<>();
        Optional<Object> secret = Optional.empty();
        for (var entry : table.entries().entrySet()) {
            positions.put(entry.getKey(), entry.getValue().position());
            Object plain = entry.getValue().toPlain();
            if (entry.getKey().equals(SECRET)) {
                secret = Optional.ofNullable(plain);
            } else if (plain instanceof String text) {
                treatments.put(entry.getKey(), text);
            }
        }
        return new PhiSettings(treatments, secret, positions, table.position());
    }
}
