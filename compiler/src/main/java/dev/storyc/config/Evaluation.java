package dev.storyc.config;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An Evaluation is the result of evaluating environments.toml: the environments, and for each one
 * the checked tree whose values still know where they came from, for {@code storyc env explain}.
 */
public record Evaluation(Environments environments, Map<String, ConfigTable> trees) {
    public Evaluation {
        trees = Collections.unmodifiableMap(new TreeMap<>(trees));
    }

    /** Returns the checked tree of one environment. */
    public Optional<ConfigTable> tree(String environment) {
        return Optional.ofNullable(trees.get(environment));
    }
}
