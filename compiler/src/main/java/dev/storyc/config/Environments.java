package dev.storyc.config;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The Environments of a workspace, by name, in name order. */
public record Environments(Map<String, Environment> byName) {
    public Environments {
        byName = java.util.Collections.unmodifiableMap(new TreeMap<>(byName));
    }

    public Optional<Environment> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Collection<Environment> all() {
        return byName.values();
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }
}
