package dev.storyc.etl;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The schedule files of an output repository, derived from the jobs of the stories it holds: a
 * story backed out of an environment takes its schedule entries with it in the same commit.
 */
public final class ScheduleFiles {
    /** The crontab, at the root so that no story id can clash with it. */
    public static final String CRONTAB = "schedules/crontab";

    /** The Kubernetes CronJob manifest. */
    public static final String KUBERNETES = "schedules/kubernetes.yaml";

    private ScheduleFiles() {}

    /** Returns the schedule files by output path, for the jobs in run order. */
    public static Map<String, String> of(ScheduleTarget target, List<EtlJob> jobs) {
        Map<String, String> files = new TreeMap<>();
        files.put(CRONTAB, Crontab.of(target, jobs));
        files.put(KUBERNETES, KubernetesCronJobs.of(target, jobs));
        return files;
    }
}
