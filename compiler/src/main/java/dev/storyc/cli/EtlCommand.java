package dev.storyc.cli;

import dev.storyc.etl.EtlJob;
import dev.storyc.etl.EtlJobReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;
import picocli.CommandLine.Command;

/** {@code storyc etl}: run an environment's ETL jobs and see how they went. */
@Command(
        name = "etl",
        mixinStandardHelpOptions = true,
        description = "Run the ETL jobs of an environment's compiled output against its warehouse.",
        subcommands = {EtlRunCommand.class, EtlStatusCommand.class})
final class EtlCommand extends CommandGroup {

    /**
     * Returns the jobs of a compiled output in run order: stories in warehouse apply order (a job
     * reads the tables of the stories it requires), then jobs by name.
     */
    static List<EtlJob> jobs(CompiledOutput output) {
        List<String> order = storyOrder(output.files().getOrDefault("warehouse/plan.toml", ""));
        List<EtlJob> jobs = new ArrayList<>();
        for (Map.Entry<String, String> file : output.files().entrySet()) {
            String[] parts = file.getKey().split("/");
            if (parts.length == 3 && parts[0].equals("etl") && parts[2].endsWith(".job.toml")) {
                EtlJobReader.read(parts[1], output.shown(file.getKey()), file.getValue())
                        .ifPresent(jobs::add);
            }
        }
        jobs.sort(
                Comparator.<EtlJob>comparingInt(
                                j ->
                                        order.contains(j.story())
                                                ? order.indexOf(j.story())
                                                : Integer.MAX_VALUE)
                        .thenComparing(EtlJob::story)
                        .thenComparing(EtlJob::name));
        return jobs;
    }

    /** Returns the SQL file of a job in the output. */
    static String sqlPath(EtlJob job) {
        return "etl/" + job.story() + "/" + job.sqlFile();
    }

    private static List<String> storyOrder(String plan) {
        Set<String> stories = new LinkedHashSet<>();
        TomlParseResult parsed = Toml.parse(plan);
        TomlArray changes = parsed.getArray("change");
        if (changes != null) {
            for (int i = 0; i < changes.size(); i++) {
                if (changes.get(i) instanceof TomlTable change
                        && change.get("story") instanceof String story) {
                    stories.add(story);
                }
            }
        }
        return List.copyOf(stories);
    }
}
