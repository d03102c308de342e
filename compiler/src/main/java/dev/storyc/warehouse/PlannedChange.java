package dev.storyc.warehouse;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A change that an environment's output plan wants in the database, with its scripts as the output
 * commit holds them.
 *
 * @param order its place in {@code warehouse/plan.toml}, from 1
 * @param requires the stories its story requires, which must be deployed first and reverted last
 */
public record PlannedChange(
        ChangeId id,
        int order,
        List<String> requires,
        Script deploy,
        Script revert,
        Optional<Script> verify) {
    public PlannedChange {
        Objects.requireNonNull(id, "id");
        requires = List.copyOf(requires);
        Objects.requireNonNull(deploy, "deploy");
        Objects.requireNonNull(revert, "revert");
        Objects.requireNonNull(verify, "verify");
    }
}
