package dev.storyc.config;

import dev.storyc.diag.Position;

/**
 * A ConfigValue is one value of environments.toml together with the place it was written. Every
 * step of the evaluation (templates, extends, references, typing) keeps the position, so that any
 * error, however late, points at the line a user can edit.
 */
public sealed interface ConfigValue permits ConfigTable, ConfigList, ConfigScalar {
    /** Returns where this value was written. */
    Position position();

    /** Returns the value as plain Java data (maps, lists, strings, numbers, booleans, secret references). */
    Object toPlain();
}
