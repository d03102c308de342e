package dev.storyc.db;

import java.time.Duration;

/**
 * The bounds every storyc session on PostgreSQL sets for itself, after connecting and again after
 * each RESET ALL (which would clear them):
 * <ul>
 *   <li>{@code lock_timeout} at {@code warehouse.lock_timeout}: no wait for a table lock is
 *       endless. An ALTER TABLE queued behind a long read blocked every later reader of the table,
 *       and storyc with it, without a word (round 17).
 *   <li>{@code idle_in_transaction_session_timeout} at ten minutes: storyc never leaves a
 *       transaction idle, so this ends only one whose storyc can no longer reach the server (a
 *       frozen SSH tunnel), with its locks, which were held for as long as the freeze lasted.
 *   <li>{@code application_name} {@code storyc}: the driver sets it with SET after connecting,
 *       not at login, so RESET ALL cleared it, and a DBA's {@code pg_stat_activity}, and the
 *       apply lock's message naming who holds it, showed a storyc session with no name.
 * </ul>
 * Set with SET rather than given at login (the {@code options} startup parameter), which a
 * connection pooler such as PgBouncer refuses unless told to ignore it.
 */
final class SessionBounds {
    /** How long the server keeps a transaction of storyc's open with nothing sent. */
    static final Duration IDLE_IN_TRANSACTION = Duration.ofMinutes(10);

    private SessionBounds() {}

    /** Returns the SET statements for a target's sessions, or a statement that does nothing. */
    static String sql(WarehouseTarget target) {
        if (target.engine() != Engine.POSTGRES) {
            return "SELECT 1";
        }
        return "SET lock_timeout = " + target.timeouts().lock().toMillis()
                + "; SET idle_in_transaction_session_timeout = " + IDLE_IN_TRANSACTION.toMillis()
                + "; SET application_name = 'storyc'";
    }
}
