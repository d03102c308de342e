package dev.storyc.site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Prints {@link OutputChanges} for {@code storyc diff}: as text (a summary, then each story's
 * layers with their unified diffs), as Markdown for a pull-request comment (a collapsible section
 * per story), or as a JSON document whose shape docs/site.md describes and {@link #SCHEMA}
 * versions. The unified diff of each file comes from the caller, which owns the diff algorithm.
 */
public final class DiffReport {
    /** The JSON document's schema id; a change that breaks readers gets a new number. */
    public static final String SCHEMA = "storyc.diff/1";

    /**
     * One side of the comparison.
     *
     * @param source {@code output} (an output repository), {@code ref} (a commit of the workspace,
     *     compiled) or {@code working-tree} (the workspace as it is, compiled)
     * @param name the output folder or the ref as the user gave it; empty for the working tree
     * @param commit the output repository's head or the ref's commit, when there is one
     */
    public record Side(String source, Optional<String> name, Optional<String> commit) {
        String describe() {
            String what = source.equals("working-tree") ? "the working tree" : name.orElse(source);
            return what
                    + commit.map(c -> " (" + c.substring(0, Math.min(12, c.length())) + ")")
                            .orElse("");
        }
    }

    private final String environment;
    private final Side before;
    private final Side after;
    private final OutputChanges changes;
    private final Function<OutputChanges.FileChange, String> unified;

    /**
     * @param unified returns a file change as a unified diff with git's headers
     */
    public DiffReport(
            String environment,
            Side before,
            Side after,
            OutputChanges changes,
            Function<OutputChanges.FileChange, String> unified) {
        this.environment = environment;
        this.before = before;
        this.after = after;
        this.changes = changes;
        this.unified = unified;
    }

    /** Returns the one-line summary: how many files changed in which way, in how many stories. */
    public String summary() {
        Map<OutputChanges.Kind, Integer> counts = changes.counts();
        int files = changes.files().size();
        if (files == 0) {
            return "no change";
        }
        return files
                + (files == 1 ? " file" : " files")
                + " changed in "
                + changes.stories().size()
                + (changes.stories().size() == 1 ? " story" : " stories")
                + ": "
                + counts.get(OutputChanges.Kind.ADDED)
                + " added, "
                + counts.get(OutputChanges.Kind.MODIFIED)
                + " modified, "
                + counts.get(OutputChanges.Kind.DELETED)
                + " deleted";
    }

    /** Returns the report as text: a heading per story and layer, then its files' diffs. */
    public String text() {
        StringBuilder out = new StringBuilder();
        out.append("environment ")
                .append(environment)
                .append(": ")
                .append(before.describe())
                .append(" -> ")
                .append(after.describe())
                .append('\n');
        out.append(summary()).append('\n');
        for (OutputChanges.Group group : changes.groups()) {
            out.append('\n').append("== ").append(title(group)).append('\n');
            for (OutputChanges.FileChange file : group.files()) {
                out.append(unified.apply(file));
            }
        }
        return out.toString();
    }

    /** Returns the report as Markdown, for a pull-request comment. */
    public String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("### storyc diff: `").append(environment).append("`\n\n");
        out.append("From ")
                .append(before.describe())
                .append(" to ")
                .append(after.describe())
                .append(": ")
                .append(summary())
                .append(".\n");
        String story = null;
        for (OutputChanges.Group group : changes.groups()) {
            String name = group.story().orElse("");
            if (!name.equals(story)) {
                if (story != null) {
                    out.append("\n</details>\n");
                }
                story = name;
                out.append("\n<details><summary>")
                        .append(
                                group.story()
                                        .map(s -> "story <code>" + s + "</code>")
                                        .orElse("environment files"))
                        .append(" (")
                        .append(count(name))
                        .append(")</summary>\n");
            }
            group.layer()
                    .ifPresent(layer -> out.append("\n**").append(layer.title()).append("**\n"));
            StringBuilder body = new StringBuilder();
            group.files().forEach(file -> body.append(unified.apply(file)));
            String fence = fenceFor(body);
            out.append("\n").append(fence).append("diff\n").append(body).append(fence).append("\n");
        }
        if (story != null) {
            out.append("\n</details>\n");
        }
        return out.toString();
    }

    private String count(String story) {
        long files =
                changes.groups().stream()
                        .filter(g -> g.story().orElse("").equals(story))
                        .mapToLong(g -> g.files().size())
                        .sum();
        return files + (files == 1 ? " file" : " files");
    }

    /** Returns the report as the {@value #SCHEMA} JSON document. */
    public String json() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("schema", SCHEMA);
        document.put("environment", environment);
        document.put("before", side(before));
        document.put("after", side(after));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("files", changes.files().size());
        changes.counts().forEach((kind, count) -> summary.put(name(kind), count));
        summary.put("stories", changes.stories());
        document.put("summary", summary);
        List<Map<String, Object>> groups = new ArrayList<>();
        for (OutputChanges.Group group : changes.groups()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("story", group.story().orElse(null));
            row.put("layer", group.layer().map(l -> name(l)).orElse(null));
            List<Map<String, Object>> files = new ArrayList<>();
            for (OutputChanges.FileChange file : group.files()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("path", file.path());
                entry.put("change", name(file.kind()));
                entry.put("diff", unified.apply(file));
                files.add(entry);
            }
            row.put("files", files);
            groups.add(row);
        }
        document.put("changes", groups);
        return JsonDocuments.write(document);
    }

    private static Map<String, Object> side(Side side) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("source", side.source());
        values.put("name", side.name().orElse(null));
        values.put("commit", side.commit().orElse(null));
        return values;
    }

    private static String title(OutputChanges.Group group) {
        return group.story()
                .map(s -> "story " + s + ": " + group.layer().map(Layer::title).orElse(""))
                .orElse("environment files (model, manifest, plan, lock)");
    }

    private static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /**
     * Returns a code fence longer than any run of backticks in {@code body}: a file's own fenced
     * example, a line of three backticks shown as context, closed a three-backtick fence early and
     * the rest of the pull-request comment rendered as text (round 19). CommonMark closes a fence only
     * with one at least as long.
     */
    static String fenceFor(CharSequence body) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < body.length(); i++) {
            run = body.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return "`".repeat(Math.max(3, longest + 1));
    }
}
