package dev.storyc.lookml.model;

import java.util.List;
import java.util.Optional;

/** A Manifest is what a {@code manifest.lkml} declares about its project. */
public record Manifest(Optional<Located> projectName, List<Constant> constants, List<Located> localDependencies) {
    public Manifest {
        constants = List.copyOf(constants);
        localDependencies = List.copyOf(localDependencies);
    }

    /** Returns the constant with the given name. */
    public Optional<Constant> constant(String name) {
        return constants.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
