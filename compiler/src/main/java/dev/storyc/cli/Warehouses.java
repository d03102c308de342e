package dev.storyc.cli;

import dev.storyc.config.Environment;
import dev.storyc.db.DatabaseException;
import dev.storyc.db.Timeouts;
import dev.storyc.db.WarehouseSession;
import dev.storyc.db.WarehouseTarget;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;

/**
 * Opens an environment's warehouse for the run-time commands, turning every operational failure
 * (unreachable, refused login, unset password) into its message and exit 3.
 */
final class Warehouses {
    private Warehouses() {}

    /** Returns where the environment's warehouse is, with the password read from the process. */
    static WarehouseTarget target(StorycCommand root, Environment environment, Console console) {
        var settings = root.settings();
        Timeouts timeouts = new Timeouts(Duration.ofSeconds(settings.warehouseConnectTimeout()),
                Duration.ofSeconds(settings.warehouseLockTimeout()));
        try {
            return WarehouseTarget.of(environment, lookup(root), settings.warehouseUrl(), timeouts);
        } catch (DatabaseException e) {
            throw failed(console, e);
        }
    }

    /** Connects, or ends the command with exit 3. */
    static WarehouseSession open(WarehouseTarget target, Console console) {
        try {
            return WarehouseSession.open(target);
        } catch (DatabaseException e) {
            throw failed(console, e);
        }
    }

    /** Prints an operational failure and returns the exception that ends the command with exit 3. */
    static CommandFailure failed(Console console, DatabaseException e) {
        console.failure(e.getMessage(), e.hint().isEmpty() ? null : e.hint());
        return new CommandFailure(ExitCode.OPERATION_FAILED);
    }

    /** The process environment as the map WarehouseTarget reads; only {@code get} is ever used. */
    private static Map<String, String> lookup(StorycCommand root) {
        var values = root.processLookup();
        return new AbstractMap<>() {
            @Override
            public String get(Object key) {
                return values.apply(String.valueOf(key)).orElse(null);
            }

            @Override
            public Set<Entry<String, String>> entrySet() {
                throw new UnsupportedOperationException("the process environment is read one name at a time");
            }
        };
    }
}
