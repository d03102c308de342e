package dev.storyc.config;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * ProcessValues are the parts of the running process that {@code ${env:VAR}} and
 * {@code ${sys:NAME}} may read: its environment variables and system properties. They are passed
 * in rather than read from globals, so evaluation stays a pure function and tests pass a map.
 */
public record ProcessValues(
        Function<String, Optional<String>> environment, Function<String, Optional<String>> systemProperties) {

    /** Returns values backed by two maps, taken as they are at this moment. */
    public static ProcessValues of(Map<String, String> environment, Map<String, String> systemProperties) {
        Map<String, String> env = Map.copyOf(environment);
        Map<String, String> sys = Map.copyOf(systemProperties);
        return new ProcessValues(name -> Optional.ofNullable(env.get(name)), name -> Optional.ofNullable(sys.get(name)));
    }

    /** Returns values with the given environment variables and no system properties. */
    public static ProcessValues ofEnvironment(Map<String, String> environment) {
        return of(environment, Map.of());
    }
}
