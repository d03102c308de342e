package dev.storyc.phi;

import dev.storyc.check.TableName;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the SQL half of the phi stage computes once per distinct input rather than once per
 * environment. Environments on the same release render the same SQL, and every class a policy
 * redacts or generalizes is treated the same way everywhere, so a dozen environments mostly ask
 * the same question; only pseudonyms, keyed per environment, differ. One instance serves every
 * environment of a run, from several threads.
 */
public final class SqlPhiCache {
    /**
     * Everything a rewrite or a proof of one piece of SQL depends on. {@code schema} is the
     * canonical instance of the environment's deploy scripts (see {@link #schema}), compared by
     * identity; {@code classification} is the stage's, which {@link PhiCache} shares the same way.
     */
    record Key(SqlProtection.Place place, String sql, Optional<TableName> target,
            Map<PhiClass, Treatment> treatments, Classification classification, Object schema) {}

    private final Map<List<String>, Object> schemas = new ConcurrentHashMap<>();
    private final Map<Key, String> rewrites = new ConcurrentHashMap<>();
    private final Map<Key, List<SqlProtection.Use>> uses = new ConcurrentHashMap<>();

    /** Returns one object for every environment whose deploy scripts are these, in this order. */
    Object schema(List<String> deployScripts) {
        return schemas.computeIfAbsent(List.copyOf(deployScripts), k -> new Object());
    }

    /** Drops everything remembered, once no environment is left to compile. */
    public void forget() {
        schemas.clear();
        rewrites.clear();
        uses.clear();
    }

    Map<Key, String> rewrites() {
        return rewrites;
    }

    Map<Key, List<SqlProtection.Use>> uses() {
        return uses;
    }
}
