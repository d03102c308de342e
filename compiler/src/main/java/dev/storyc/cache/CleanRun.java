package dev.storyc.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * What a compile or check that found nothing to report saw and left behind, so that the next
 * identical run can say so without loading the workspace: the stamps of every input file, the process values the
 * run read (as a salted digest), and for each environment the facts of its output repository and
 * what its report line said. The command's options, its settings and the compiler's build are in
 * the entry's key, not here.
 *
 * @param clockMillis the wall clock when the run started, before it read a file
 * @param stamps the digest of the inputs' stamps ({@code workspace.InputStamps})
 * @param newestChange the latest change time among the inputs, in nanoseconds
 * @param imports environments.toml's imports, which the stamps cover
 * @param reads the process values read: {@code env:NAME} or {@code sys:NAME}
 * @param readsDigest a salted digest of those values, absent ones included
 * @param outputs one per environment, in the order they were selected
 */
public record CleanRun(long clockMillis, String stamps, long newestChange, List<String> imports,
        List<String> reads, String readsDigest, List<Output> outputs) {
    /**
     * How much earlier than the run an input must have last changed to be trusted. A file system
     * keeps times in ticks (a second on some), so a file written in the tick a run read it could
     * keep its stamp with other bytes; git calls such files "racily clean". Two seconds covers the
     * coarsest common tick (FAT's).
     */
    static final long RACY_NANOS = TimeUnit.SECONDS.toNanos(2);

    private static final String FORMAT = "storyc-clean-run-3";

    public CleanRun {
        imports = List.copyOf(imports);
        reads = List.copyOf(reads);
        outputs = List.copyOf(outputs);
    }

    /**
     * One environment's output as the run left it.
     *
     * @param anchor where the inspection of the output folder starts (see {@code
     *     publish.OutputFolderInspection}), which the next run repeats
     * @param workingTree whether the run kept the repository's working tree
     * @param facts the repository's settled facts ({@code publish.SettledFacts}) after a compile;
     *     empty after a check, which writes nothing and so only needs the folder still writable
     * @param release the release the report line names
     * @param stories how many stories the report line counts
     */
    public record Output(String environment, String folder, String anchor, String branch,
            Optional<String> tag, boolean workingTree, Optional<String> facts, String release,
            int stories) {}

    /**
     * Returns true when every input had last changed well before the run started: a later write
     * to any of them then changes its stamp, so equal stamps mean equal bytes.
     */
    public boolean trusted() {
        return newestChange < TimeUnit.MILLISECONDS.toNanos(clockMillis) - RACY_NANOS;
    }

    /** Returns the entry's payload. */
    public byte[] encode() {
        Map<String, String> fields = new TreeMap<>();
        fields.put("format", FORMAT);
        fields.put("clock", Long.toString(clockMillis));
        fields.put("stamps", stamps);
        fields.put("newest", Long.toString(newestChange));
        fields.put("imports", String.join("\n", imports));
        fields.put("reads", String.join("\n", reads));
        fields.put("reads-digest", readsDigest);
        fields.put("outputs", Integer.toString(outputs.size()));
        for (int i = 0; i < outputs.size(); i++) {
            Output output = outputs.get(i);
            String prefix = "output " + i + " ";
            fields.put(prefix + "environment", output.environment());
            fields.put(prefix + "folder", output.folder());
            fields.put(prefix + "anchor", output.anchor());
            fields.put(prefix + "branch", output.branch());
            output.tag().ifPresent(tag -> fields.put(prefix + "tag", tag));
            fields.put(prefix + "working-tree", Boolean.toString(output.workingTree()));
            output.facts().ifPresent(facts -> fields.put(prefix + "facts", facts));
            fields.put(prefix + "release", output.release());
            fields.put(prefix + "stories", Integer.toString(output.stories()));
        }
        return TextFiles.encode(fields);
    }

    /** Returns the run a payload holds, or empty when it holds anything else. */
    public static Optional<CleanRun> decode(byte[] payload) {
        Optional<Map<String, String>> decoded = TextFiles.decode(payload);
        if (decoded.isEmpty() || !FORMAT.equals(decoded.get().get("format"))) {
            return Optional.empty();
        }
        Map<String, String> fields = decoded.get();
        try {
            int count = Integer.parseInt(fields.get("outputs"));
            List<Output> outputs = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String prefix = "output " + i + " ";
                outputs.add(new Output(required(fields, prefix + "environment"),
                        required(fields, prefix + "folder"), required(fields, prefix + "anchor"),
                        required(fields, prefix + "branch"),
                        Optional.ofNullable(fields.get(prefix + "tag")),
                        bool(required(fields, prefix + "working-tree")),
                        Optional.ofNullable(fields.get(prefix + "facts")),
                        required(fields, prefix + "release"),
                        Integer.parseInt(required(fields, prefix + "stories"))));
            }
            return Optional.of(new CleanRun(Long.parseLong(required(fields, "clock")),
                    required(fields, "stamps"), Long.parseLong(required(fields, "newest")),
                    lines(required(fields, "imports")), lines(required(fields, "reads")),
                    required(fields, "reads-digest"), outputs));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String required(Map<String, String> fields, String key) {
        String value = fields.get(key);
        if (value == null) {
            throw new IllegalArgumentException("no " + key);
        }
        return value;
    }

    private static boolean bool(String text) {
        if (!text.equals("true") && !text.equals("false")) {
            throw new IllegalArgumentException("not a boolean: " + text);
        }
        return Boolean.parseBoolean(text);
    }

    private static List<String> lines(String text) {
        return text.isEmpty() ? List.of() : List.of(text.split("\n", -1));
    }
}
