package dev.storyc.etl;

import java.util.List;

/**
 * What running a job does to its target, as its {@code mode} says. The job's own SQL is the same in
 * every mode; the mode decides what storyc does around it, inside the job's one transaction.
 */
public sealed interface EtlMode {
    /** Returns the name a job file uses, such as {@code merge}. */
    String name();

    /** Adds the job's rows to the target. */
    record Append() implements EtlMode {
        @Override
        public String name() {
            return "append";
        }
    }

    /** Empties the target, then adds the job's rows: readers see the old rows or the new ones. */
    record Replace() implements EtlMode {
        @Override
        public String name() {
            return "replace";
        }
    }

    /**
     * Upserts the job's rows by {@code key}: a target row whose key the job produces is replaced,
     * other rows stay. A script job merges by itself and may leave the key empty; a query job,
     * which storyc merges, may not.
     */
    record Merge(List<String> key) implements EtlMode {
        public Merge {
            key = List.copyOf(key);
        }

        @Override
        public String name() {
            return "merge";
        }
    }

    /** The mode names a job file may use. */
    List<String> NAMES = List.of("append", "merge", "replace");
}
