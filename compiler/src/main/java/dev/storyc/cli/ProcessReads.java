package dev.storyc.cli;

import dev.storyc.config.ProcessValues;
import dev.storyc.workspace.Sha256;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.Function;

/**
 * The process's environment variables and system properties, as a run reads them, remembering
 * which it read: a run that read none of the values that changed since an earlier run (its secrets,
 * its {@code ${env:...}} values) may rely on what that run found ({@link NoOpShortcut}).
 */
final class ProcessReads {
    private static final String ENVIRONMENT = "env:";
    private static final String PROPERTY = "sys:";

    private final Map<String, String> environment;
    private final Map<String, String> properties;
    private final Set<String> read = new ConcurrentSkipListSet<>();

    ProcessReads(Map<String, String> environment, Map<String, String> properties) {
        this.environment = Map.copyOf(environment);
        this.properties = Map.copyOf(properties);
    }

    /** Returns the environment variables as a lookup that remembers each name asked for. */
    Function<String, Optional<String>> environmentLookup() {
        return name -> value(ENVIRONMENT + name);
    }

    /** Returns what {@code ${env:...}} and {@code ${sys:...}} read, remembering each name. */
    ProcessValues values() {
        return new ProcessValues(environmentLookup(), name -> value(PROPERTY + name));
    }

    /** Returns the values read so far, as {@code env:NAME} or {@code sys:NAME}, in order. */
    List<String> read() {
        return List.copyOf(read);
    }

    /**
     * Returns a digest of the current values of {@code names} (absent ones too), salted so that
     * the digest, which is stored, reveals nothing about a secret among them.
     */
    String digest(List<String> names, String salt) {
        Sha256.Parts digest = Sha256.parts().add(salt);
        for (String name : names) {
            digest.add(name).add(current(name).map(value -> "= " + value).orElse("absent"));
        }
        return digest.hex();
    }

    private Optional<String> value(String name) {
        read.add(name);
        return current(name);
    }

    private Optional<String> current(String name) {
        if (name.startsWith(ENVIRONMENT)) {
            return Optional.ofNullable(environment.get(name.substring(ENVIRONMENT.length())));
        }
        return Optional.ofNullable(properties.get(name.substring(PROPERTY.length())));
    }
}
