package dev.storyc.etl;

import dev.storyc.etl.KubernetesCronJobs.JobValues;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Writes the CronJobs of one environment exactly as SnakeYAML Engine writes them, while asking it
 * to write only one of them. Every CronJob of an environment has the same shape and the same
 * environment values; only six values differ from job to job ({@link JobValues}). So SnakeYAML
 * writes one document whose six values are slot words, and each job's document is that text with
 * every slot replaced by the job's value as SnakeYAML writes that value alone.
 *
 * <p>Why not SnakeYAML for every document: its emitter analyses each of a CronJob's sixty-odd
 * scalars for quoting, which made writing {@code kubernetes.yaml} a third of the CPU of compiling
 * 1,000 stories x 12 environments from scratch. Quoting stays SnakeYAML's decision: a value is
 * copied only as SnakeYAML wrote it in the same block context, and a value it writes on more than
 * one line or is long (where its indentation or column would matter) sends that job's document
 * back to SnakeYAML whole. {@code CronJobDocumentsTest} holds the two ways byte-equal over generated jobs.
 */
final class CronJobDocuments {
    /** A word SnakeYAML writes plain, followed by the slot's number and an end mark. */
    private static final String SLOT = "storycslot";

    /**
     * The longest value copied: far from the manifest's line width (1,000), at which SnakeYAML
     * folds a value, so the value's column, which differs between a slot and the probe, never
     * matters.
     */
    private static final int MAX_COPIED = 400;

    /** Where a slot stands; SnakeYAML may write a value differently in each. */
    private enum Context {
        MAPPING_VALUE(value -> Map.of("k", value)),
        SEQUENCE_ITEM(List::of);

        /** A document holding one value alone, in this context. */
        private final Function<String, Object> alone;
        /** What SnakeYAML writes around a value alone in this context. */
        private final String before;
        private final String after;
        /**
         * How SnakeYAML writes each value alone here, or empty when it cannot be copied. Values
         * recur across jobs and environments; the keys are weak, as in {@code publish.BlobIds}, so
         * the memo holds no more than the compile still does.
         */
        private final Map<String, Optional<String>> written =
                Collections.synchronizedMap(new WeakHashMap<>());

        Context(Function<String, Object> alone) {
            this.alone = alone;
            String document = KubernetesCronJobs.dump(List.of(alone.apply(SLOT + "x")));
            int at = document.indexOf(SLOT + "x");
            before = document.substring(0, at);
            after = document.substring(at + SLOT.length() + 1);
        }

        /** Returns {@code value} as SnakeYAML writes it here, when it can be copied. */
        Optional<String> write(String value) {
            return written.computeIfAbsent(value, v -> {
                String document = KubernetesCronJobs.dump(List.of(alone.apply(v)));
                if (!document.startsWith(before) || !document.endsWith(after)
                        || document.length() < before.length() + after.length()) {
                    return Optional.empty();
                }
                String middle = document.substring(before.length(),
                        document.length() - after.length());
                // A long value may be folded at the line width, which depends on its column.
                return middle.indexOf('\n') >= 0 || middle.indexOf('\r') >= 0
                        || middle.length() > MAX_COPIED ? Optional.empty() : Optional.of(middle);
            });
        }
    }

    private final ScheduleTarget target;
    /** The document's text between slots; empty when the environment is written whole. */
    private final List<String> texts = new ArrayList<>();
    /** Which of the six values fills each slot, in the order they appear, and where it stands. */
    private final List<Function<JobValues, String>> slots = new ArrayList<>();
    private final List<Context> contexts = new ArrayList<>();

    /** Makes the template of {@code target}'s CronJobs. */
    CronJobDocuments(ScheduleTarget target) {
        this.target = target;
        if (Stream.of(target.environment(), target.checkout(), target.remote().orElse(""),
                target.branch(), target.image()).anyMatch(value -> value.contains(SLOT))) {
            return;
        }
        List<Function<JobValues, String>> values = List.of(JobValues::name, JobValues::story,
                JobValues::jobLabel, JobValues::qualifiedName, JobValues::description,
                JobValues::schedule);
        JobValues marked = new JobValues(slot(0), slot(1), slot(2), slot(3), slot(4), slot(5));
        String template = KubernetesCronJobs.dump(
                List.of(KubernetesCronJobs.cronJob(target, marked)));
        List<String> parts = new ArrayList<>();
        int from = 0;
        int at;
        while ((at = template.indexOf(SLOT, from)) >= 0) {
            int end = template.indexOf('x', at + SLOT.length());
            String text = template.substring(from, at);
            Context context = text.endsWith("- ") ? Context.SEQUENCE_ITEM
                    : text.endsWith(": ") ? Context.MAPPING_VALUE : null;
            if (context == null) {
                return;
            }
            parts.add(text);
            contexts.add(context);
            slots.add(values.get(Integer.parseInt(template.substring(at + SLOT.length(), end))));
            from = end + 1;
        }
        parts.add(template.substring(from));
        texts.addAll(parts);
    }

    /** Appends {@code job}'s document to {@code manifest}. */
    void append(JobValues job, StringBuilder manifest) {
        List<String> written = texts.isEmpty() ? null : copied(job);
        if (written == null) {
            manifest.append(KubernetesCronJobs.dump(
                    List.of(KubernetesCronJobs.cronJob(target, job))));
            return;
        }
        for (int i = 0; i < written.size(); i++) {
            manifest.append(texts.get(i)).append(written.get(i));
        }
        manifest.append(texts.get(written.size()));
    }

    /** Returns the job's value for each slot as SnakeYAML writes it, or null if one cannot be copied. */
    private List<String> copied(JobValues job) {
        List<String> written = new ArrayList<>(slots.size());
        for (int i = 0; i < slots.size(); i++) {
            Optional<String> value = contexts.get(i).write(slots.get(i).apply(job));
            if (value.isEmpty()) {
                return null;
            }
            written.add(value.get());
        }
        return written;
    }

    private static String slot(int number) {
        return SLOT + number + "x";
    }
}
