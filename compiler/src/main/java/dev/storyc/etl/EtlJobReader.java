package dev.storyc.etl;

import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostics;
import dev.storyc.diag.SourceFile;
import dev.storyc.toml.TomlDocument;
import java.util.List;
import java.util.Optional;
import org.tomlj.TomlTable;

/**
 * Reads a rendered job file into an {@link EtlJob}. The checks ({@code check.EtlJobs}) report what
 * is wrong with a job file; this reader only needs to know whether it can use one, so a job it
 * cannot read is simply absent here.
 */
public final class EtlJobReader {
    private EtlJobReader() {}

    /**
     * Returns the job in a {@code NAME.job.toml} file of {@code story}, or empty when the file
     * lacks something a run needs.
     */
    public static Optional<EtlJob> read(String story, String path, String text) {
        Optional<TomlDocument> parsed =
                TomlDocument.parse(
                        new SourceFile(path, text), Code.ETL_JOB_INVALID, new Diagnostics());
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        TomlTable root = parsed.get().root();
        String fileName = path.substring(path.lastIndexOf('/') + 1);
        String name =
                fileName.endsWith(".job.toml")
                        ? fileName.substring(0, fileName.length() - ".job.toml".length())
                        : fileName;
        String target = string(root, "target");
        String schedule = string(root, "schedule");
        String sql = string(root, "sql");
        String source = string(root, "source");
        String modeName = Optional.ofNullable(string(root, "mode")).orElse("append");
        Object keyValue = root.get("key");
        if (target == null
                || schedule == null
                || sql == null
                || source == null
                || !EtlMode.NAMES.contains(modeName)
                || JobKey.problem(name, modeName, keyValue, false).isPresent()) {
            return Optional.empty();
        }
        List<String> key = keyValue == null ? List.of() : JobKey.columns(keyValue);
        EtlMode mode =
                switch (modeName) {
                    case "merge" -> new EtlMode.Merge(key);
                    case "replace" -> new EtlMode.Replace();
                    default -> new EtlMode.Append();
                };
        String description = Optional.ofNullable(string(root, "description")).orElse("");
        return Optional.of(
                new EtlJob(
                        story,
                        name,
                        target,
                        schedule,
                        sql,
                        source,
                        mode,
                        key,
                        description,
                        parsed.get().filePosition()));
    }

    private static String string(TomlTable table, String key) {
        return table.get(key) instanceof String value ? value : null;
    }
}
