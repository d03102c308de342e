package dev.storyc.etl;

import dev.storyc.diag.Position;
import java.util.List;
import java.util.Objects;

/**
 * An EtlJob is one {@code etl/<name>.job.toml} of a story, read: what it loads, when, how, and
 * which SQL file does it.
 *
 * @param name the file name without {@code .job.toml}; unique within the story
 * @param target the table it writes, {@code schema.table}
 * @param schedule a five-field Unix cron expression
 * @param sqlFile the SQL file beside the job
 * @param key the columns that identify a target row: what a merge upserts by, and what every mode
 *     proves unique after the run; empty when the job names none
 * @param definedAt the job file
 */
public record EtlJob(
        String story,
        String name,
        String target,
        String schedule,
        String sqlFile,
        String source,
        EtlMode mode,
        List<String> key,
        String description,
        Position definedAt) {
    public EtlJob {
        Objects.requireNonNull(story, "story");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mode, "mode");
        key = List.copyOf(key);
    }

    /** Returns the name that identifies the job in an environment: {@code story/job}. */
    public String qualifiedName() {
        return story + "/" + name;
    }
}
