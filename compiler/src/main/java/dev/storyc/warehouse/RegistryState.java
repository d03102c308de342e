package dev.storyc.warehouse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one read of an environment's registry found: its format version, every deployed change in
 * deploy order, and the last event number, from which an apply numbers its own events.
 *
 * @param version the registry's format; 0 when the database has no registry yet
 */
public record RegistryState(int version, List<DeployedChange> deployed, long lastEvent) {
    /** The registry format this storyc reads and writes. */
    public static final int CURRENT_VERSION = 1;

    public RegistryState {
        deployed = List.copyOf(deployed);
    }

    /** The state of a database storyc has never deployed to. */
    public static RegistryState empty() {
        return new RegistryState(0, List.of(), 0);
    }

    /** Returns the deployed changes by id, in deploy order. */
    public Map<ChangeId, DeployedChange> byId() {
        Map<ChangeId, DeployedChange> byId = new LinkedHashMap<>();
        deployed.forEach(change -> byId.put(change.id(), change));
        return byId;
    }

    public Optional<DeployedChange> find(ChangeId id) {
        return Optional.ofNullable(byId().get(id));
    }
}
