package dev.storyc.etl;

import dev.storyc.workspace.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * Writes an environment's jobs as Kubernetes {@code batch/v1} CronJobs, one YAML document per job,
 * for teams that deploy with Argo CD or Flux: the output repository's {@code
 * schedules/kubernetes.yaml} is a manifest they sync as it is.
 *
 * <p>Each pod runs {@code storyc etl run --env E story/job} in {@code /srv/storyc/E}: an init
 * container clones the output repository there when the environment has a remote, otherwise a
 * volume claim named {@code storyc-E-checkout} must hold the checkout. The warehouse password comes
 * from the Secret {@code storyc-E}, whose keys become environment variables, so the variable that
 * environments.toml names is set without storyc ever seeing its value.
 *
 * <p>The YAML is written with SnakeYAML Engine from ordered maps, so quoting is right and the bytes
 * are the same on every compile.
 */
public final class KubernetesCronJobs {
    /** Kubernetes appends 11 characters to a CronJob's name for its Jobs; names stay at 52. */
    static final int MAX_NAME = 52;

    private KubernetesCronJobs() {}

    /** Returns the manifest text; an environment without jobs gets a comment only. */
    public static String of(ScheduleTarget target, List<EtlJob> jobs) {
        String header =
                "# ETL schedule of environment "
                        + target.environment()
                        + " as Kubernetes CronJobs, written by storyc from its stories.\n"
                        + "# Do not edit: change a job's schedule in its story. See docs/etl.md in"
                        + " storyc.\n";
        if (jobs.isEmpty()) {
            return header + "# This environment has no ETL jobs.\n";
        }
        CronJobDocuments documents = new CronJobDocuments(target);
        StringBuilder manifest = new StringBuilder(header);
        values(target, jobs).forEach(job -> documents.append(job, manifest));
        return manifest.toString();
    }

    /** Returns what each job's CronJob says, in the jobs' order, names unique among them. */
    static List<JobValues> values(ScheduleTarget target, List<EtlJob> jobs) {
        Map<String, Long> plainNames = jobs.stream().collect(java.util.stream.Collectors.groupingBy(
                job -> plainName(target, job), java.util.stream.Collectors.counting()));
        return jobs.stream()
                .map(job -> JobValues.of(target, job, plainNames.get(plainName(target, job)) > 1))
                .toList();
    }

    /**
     * Returns the YAML SnakeYAML Engine writes for {@code documents}: the manifest's one writer,
     * which {@link CronJobDocuments} asks once per environment and for what it cannot copy.
     */
    static String dump(List<Object> documents) {
        return new Dump(SETTINGS).dumpAllToString(documents.iterator());
    }

    /** How every manifest is written: block style, a {@code ---} before each CronJob. */
    private static final DumpSettings SETTINGS =
            DumpSettings.builder()
                    .setDefaultFlowStyle(FlowStyle.BLOCK)
                    .setExplicitStart(true)
                    .setIndent(2)
                    .setIndicatorIndent(2)
                    .setIndentWithIndicator(true)
                    .setWidth(1000)
                    .build();

    /**
     * What one job's CronJob says that another job's in the same environment does not; everything
     * else comes from the environment ({@link ScheduleTarget}).
     *
     * @param jobLabel the job's name as a DNS label, for the {@code storyc.dev/job} label
     * @param qualifiedName {@code story/job}, as {@code storyc etl run} takes it
     */
    record JobValues(String name, String story, String jobLabel, String qualifiedName,
            String description, String schedule) {
        static JobValues of(ScheduleTarget target, EtlJob job, boolean nameShared) {
            return new JobValues(KubernetesCronJobs.name(target, job, nameShared), labelValue(job.story()),
                    labelValue(dnsLabel(job.name())), job.qualifiedName(), job.description(), job.schedule());
        }
    }

    /**
     * Returns the CronJob's name: a DNS label, at most 52 characters, unique per environment. Two
     * jobs can spell the same label ({@code nums} + {@code slow_nums} and {@code nums-slow} +
     * {@code nums}), and a manifest with the name twice schedules one of them only; each such job,
     * like one whose name is too long, ends in a hash of its {@code story/job} instead.
     */
    static String name(ScheduleTarget target, EtlJob job, boolean nameShared) {
        String name = plainName(target, job);
        if (name.length() <= MAX_NAME && !nameShared) {
            return name;
        }
        return shortened(name, MAX_NAME, job.qualifiedName());
    }

    private static String plainName(ScheduleTarget target, EtlJob job) {
        return dnsLabel("storyc-" + target.environment() + "-" + job.story() + "-" + job.name());
    }

    /** Kubernetes refuses a label value longer than 63 characters. */
    static final int MAX_LABEL_VALUE = 63;

    private static String labelValue(String value) {
        return value.length() <= MAX_LABEL_VALUE ? value : shortened(value, MAX_LABEL_VALUE, value);
    }

    /** Returns {@code text} cut to fit {@code max} with a hash of {@code identity} at its end. */
    private static String shortened(String text, int max, String identity) {
        String hash = Sha256.hex(identity.getBytes(StandardCharsets.UTF_8)).substring(0, 8);
        return text.substring(0, Math.min(text.length(), max - 9)).replaceAll("-+$", "") + "-" + hash;
    }

    private static String dnsLabel(String text) {
        return text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    }

    /** Returns one job's CronJob as ordered maps, for SnakeYAML to write. */
    static Map<String, Object> cronJob(ScheduleTarget target, JobValues job) {
        Map<String, Object> container =
                map(
                        "name", "etl",
                        "image", target.image(),
                        "workingDir", target.checkout(),
                        "command",
                                List.of(
                                        "storyc",
                                        "etl",
                                        "run",
                                        "--env",
                                        target.environment(),
                                        job.qualifiedName()),
                        "envFrom",
                                List.of(
                                        map(
                                                "secretRef",
                                                map("name", "storyc-" + target.environment()))),
                        "volumeMounts",
                                List.of(map("name", "checkout", "mountPath", target.checkout())));
        Map<String, Object> pod = new LinkedHashMap<>();
        pod.put("restartPolicy", "Never");
        Map<String, Object> volume;
        if (target.remote().isPresent()) {
            pod.put(
                    "initContainers",
                    List.of(
                            map(
                                    "name", "checkout",
                                    "image", target.image(),
                                    "command",
                                            List.of(
                                                    "git",
                                                    "clone",
                                                    "--depth",
                                                    "1",
                                                    "--branch",
                                                    target.branch(),
                                                    target.remote().get(),
                                                    target.checkout()),
                                    "volumeMounts",
                                            List.of(
                                                    map(
                                                            "name",
                                                            "checkout",
                                                            "mountPath",
                                                            target.checkout())))));
            volume = map("name", "checkout", "emptyDir", new LinkedHashMap<>());
        } else {
            volume =
                    map(
                            "name",
                            "checkout",
                            "persistentVolumeClaim",
                            map(
                                    "claimName",
                                    "storyc-" + target.environment() + "-checkout",
                                    "readOnly",
                                    true));
        }
        pod.put("containers", List.of(container));
        pod.put("volumes", List.of(volume));
        Map<String, Object> spec =
                map(
                        "schedule",
                        job.schedule(),
                        "concurrencyPolicy",
                        "Forbid",
                        "successfulJobsHistoryLimit",
                        3,
                        "failedJobsHistoryLimit",
                        3,
                        "jobTemplate",
                        map(
                                "spec",
                                map(
                                        "backoffLimit",
                                        0,
                                        "template",
                                        map(
                                                "metadata",
                                                map("labels", labels(target, job)),
                                                "spec",
                                                pod))));
        return map(
                "apiVersion",
                "batch/v1",
                "kind",
                "CronJob",
                "metadata",
                map(
                        "name",
                        job.name(),
                        "labels",
                        labels(target, job),
                        "annotations",
                        map("storyc.dev/description", job.description())),
                "spec",
                spec);
    }

    /** Returns a fresh map each time, so the YAML repeats it instead of using an anchor. */
    private static Map<String, Object> labels(ScheduleTarget target, JobValues job) {
        return map(
                "app.kubernetes.io/managed-by", "storyc",
                "storyc.dev/environment", target.environment(),
                "storyc.dev/story", job.story(),
                "storyc.dev/job", job.jobLabel());
    }

    /** Returns an insertion-ordered map of alternating keys and values. */
    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
