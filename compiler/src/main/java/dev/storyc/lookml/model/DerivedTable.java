package dev.storyc.lookml.model;

import dev.storyc.diag.Position;
import java.util.Optional;

/** A DerivedTable is a view's {@code derived_table}: SQL, or a native table from an explore. */
public record DerivedTable(Position position, Optional<Located> sql, Optional<Located> exploreSource) {}
