package dev.storyc.cli;

import dev.storyc.config.Environment;
import dev.storyc.config.SecretReference;
import dev.storyc.db.DatabaseException;
import dev.storyc.db.WarehouseConnection;
import dev.storyc.db.WarehouseTarget;
import dev.storyc.emit.ConnectionFile;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Opens an environment's warehouse for the run-time commands, turning every operational failure
 * (unreachable, refused login, unset password) into its message and exit 3.
 */
final class Warehouses {
    private Warehouses() {}

    /**
     * Returns where the environment's warehouse is, with the password read from the process (and
     * masked on the console, in case anything printed it), as the warehouse commands read it.
     */
    static WarehouseTarget target(StorycCommand root, Environment environment, Console console) {
        if (environment.values().get("warehouse") instanceof Map<?, ?> warehouse
                && warehouse.get("password") instanceof SecretReference secret) {
            Optional.ofNullable(root.processEnvironment().get(secret.variable()))
                    .ifPresent(value -> console.mask(List.of(value)));
        }
        try {
            return WarehouseSession.target(environment, root.settings(), root.processEnvironment());
        } catch (DatabaseException e) {
            throw WarehouseSession.failed(console, e);
        }
    }

    /**
     * Returns where the warehouse named by a checkout of an output repository is, read as {@link
     * #target(StorycCommand, Environment, Console)} reads an environment's.
     */
    static WarehouseTarget target(StorycCommand root, ConnectionFile file, Console console) {
        file.variable("password").map(root.processEnvironment()::get)
                .ifPresent(value -> console.mask(List.of(value)));
        try {
            return WarehouseTarget.of(file, root.processEnvironment(), root.settings().warehouseUrl(),
                    WarehouseSession.timeouts(root.settings()));
        } catch (DatabaseException e) {
            throw WarehouseSession.failed(console, e);
        }
    }

    /** Connects, or ends the command with exit 3. */
    static WarehouseConnection open(WarehouseTarget target, Console console) {
        try {
            return WarehouseConnection.open(target);
        } catch (DatabaseException e) {
            throw WarehouseSession.failed(console, e);
        }
    }
}
