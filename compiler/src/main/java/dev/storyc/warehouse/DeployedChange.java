package dev.storyc.warehouse;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A change the registry says is in the database: what was deployed, its revert script's text (so
 * that it can be undone when no output commit holds it any more), and who, when and from where.
 *
 * @param sequence the registry's event number of the deploy; later deploys have larger numbers
 * @param deployHash the tagged sha256 of the deploy script that ran
 */
public record DeployedChange(
        ChangeId id,
        long sequence,
        List<String> requires,
        String deployHash,
        String revertHash,
        String revertScript,
        String deployedBy,
        Instant deployedAt,
        String outputCommit,
        String environmentHash) {
    public DeployedChange {
        Objects.requireNonNull(id, "id");
        requires = List.copyOf(requires);
        Objects.requireNonNull(deployHash, "deployHash");
        Objects.requireNonNull(revertScript, "revertScript");
    }

    /**
     * Returns the name messages give the revert script the registry stores, such as {@code
     * registry:care-gaps/base/revert.sql}: no output commit may hold it any more.
     */
    public String storedRevertPath() {
        return "registry:" + id + "/revert.sql";
    }
}
