package dev.storyc.lookml.model;

import dev.storyc.diag.Position;
import java.util.Optional;

/** A Constant is a manifest's {@code constant: NAME { value: "..." }}. */
public record Constant(String name, Position position, Optional<Located> value, Optional<String> export) {}
