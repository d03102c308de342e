package dev.storyc.config;

import dev.storyc.diag.Position;
import java.util.Map;
import java.util.Objects;

/**
 * An Environment is one fully evaluated entry of environments.toml: a place where stories run,
 * with its own warehouse database, Looker connection and output repository.
 *
 * @param values the resolved tree, keys sorted, as templates see it under {@code env}; secret
 *     fields hold a {@link SecretReference}, never a value
 * @param normalForm the canonical text of {@code values}; its sha256 is {@link #hash()}
 * @param phi the environment's {@code phi} table as written, with positions
 */
public record Environment(
        String name,
        EnvironmentKind kind,
        String connection,
        String model,
        String projectName,
        String release,
        boolean isProtected,
        OutputSettings output,
        Map<String, String> lookerConstants,
        Map<String, Object> values,
        String normalForm,
        String hash,
        Position definedAt,
        PhiSettings phi,
        Position releaseAt) {

    /** The release value that selects every story in the workspace. */
    public static final String ALL_STORIES = "all";

    public Environment {
        Objects.requireNonNull(name, "name");
        lookerConstants = Map.copyOf(lookerConstants);
        values = Map.copyOf(values);
        Objects.requireNonNull(phi, "phi");
        Objects.requireNonNull(releaseAt, "releaseAt");
    }

    /** Returns true when this environment compiles every story rather than a release's list. */
    public boolean takesAllStories() {
        return ALL_STORIES.equals(release);
    }
}
