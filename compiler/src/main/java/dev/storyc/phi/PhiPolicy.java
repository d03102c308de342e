package dev.storyc.phi;

import dev.storyc.diag.Position;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * One environment's treatment of each class of protected health information, every class
 * decided: what environments.toml sets, and the kind's default for the rest. Built and checked by
 * {@link PhiPolicies}.
 *
 * @param environment the environment's name
 * @param treatments a treatment for every class
 * @param setAt where each class's treatment was written; the environment's position for defaults
 */
public record PhiPolicy(
        String environment, Map<PhiClass, Treatment> treatments, Map<PhiClass, Position> setAt) {
    public PhiPolicy {
        Objects.requireNonNull(environment, "environment");
        treatments = Map.copyOf(treatments);
        setAt = Map.copyOf(setAt);
        for (PhiClass phiClass : PhiClass.values()) {
            if (!treatments.containsKey(phiClass)) {
                throw new IllegalArgumentException("no treatment for " + phiClass.spelling());
            }
        }
    }

    /** Returns a policy that treats every class the same way, for tests and previews. */
    public static PhiPolicy uniform(String environment, Treatment treatment, Position at) {
        Map<PhiClass, Treatment> all = new EnumMap<>(PhiClass.class);
        Map<PhiClass, Position> where = new EnumMap<>(PhiClass.class);
        for (PhiClass phiClass : PhiClass.values()) {
            all.put(phiClass, treatment);
            where.put(phiClass, at);
        }
        return new PhiPolicy(environment, all, where);
    }

    /** Returns the treatment of a class. */
    public Treatment treatmentOf(PhiClass phiClass) {
        return treatments.get(phiClass);
    }

    /** Returns true when every class is allowed: nothing to rewrite, nothing to prove. */
    public boolean allowsEverything() {
        return treatments.values().stream().allMatch(Treatment::exposesRawValues);
    }
}
