package dev.storyc.release;

import dev.storyc.workspace.Story;
import dev.storyc.workspace.StoryId;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The requires graph of a set of stories, printed for Graphviz or Mermaid. An edge points from a
 * story to a story it requires; a required story outside the set is drawn dashed, because that is
 * exactly the problem a release manager is looking for.
 */
public final class RequiresGraph {
    private RequiresGraph() {}

    /** Returns Graphviz dot. */
    public static String dot(String title, Collection<Story> stories) {
        Set<StoryId> included = ids(stories);
        StringBuilder out = new StringBuilder("digraph \"" + dotText(title) + "\" {\n");
        out.append("  rankdir=LR;\n  node [shape=box, style=rounded];\n");
        for (Story story : sorted(stories)) {
            out.append("  \"").append(story.id()).append("\" [label=\"").append(story.id()).append("\\n")
                    .append(dotText(story.manifest().title())).append("\"];\n");
        }
        for (Story story : sorted(stories)) {
            for (StoryId required : story.manifest().requiredIds()) {
                out.append("  \"").append(story.id()).append("\" -> \"").append(required).append('"')
                        .append(included.contains(required) ? "" : " [style=dashed, color=red]").append(";\n");
            }
        }
        return out.append("}\n").toString();
    }

    /**
     * Returns a title as the text of a dot quoted string: a backslash doubled, so a title ending in
     * one no longer escapes the closing quote and {@code \N} or {@code \G} stay text instead of
     * Graphviz's node and graph names; a quote escaped.
     */
    static String dotText(String title) {
        return title.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /**
     * Returns a title as Mermaid label text. Labels hold HTML on purpose ({@code <br/>}), so the
     * title's own {@code <}, {@code >}, {@code &} and {@code "} are written as Mermaid's entity
     * codes, or a title could swallow text or, at a loose security level, run script. Its own
     * {@code #} goes first, as {@code #35;}: Mermaid reads {@code #quot;} in a title as an entity.
     */
    static String mermaidText(String title) {
        return title.replace("#", "#35;").replace("&", "#amp;").replace("<", "#lt;").replace(">", "#gt;").replace("\"", "#quot;");
    }

    /** Returns a Mermaid flowchart, which GitHub renders in Markdown. */
    public static String mermaid(Collection<Story> stories) {
        Set<StoryId> included = ids(stories);
        StringBuilder out = new StringBuilder("flowchart LR\n");
        for (Story story : sorted(stories)) {
            out.append("  ").append(node(story.id())).append("[\"").append(story.id()).append("<br/>")
                    .append(mermaidText(story.manifest().title())).append("\"]\n");
        }
        for (Story story : sorted(stories)) {
            for (StoryId required : story.manifest().requiredIds()) {
                out.append("  ").append(node(story.id())).append(included.contains(required) ? " --> " : " -.-> ")
                        .append(node(required)).append('\n');
            }
        }
        return out.toString();
    }

    /**
     * Returns a story's Mermaid node id, prefixed: a story id may be a Mermaid keyword ({@code end},
     * {@code click}, {@code style}), which broke the whole flowchart.
     */
    private static String node(StoryId id) {
        return "s_" + id.value().replace('-', '_');
    }

    private static Set<StoryId> ids(Collection<Story> stories) {
        return stories.stream().map(Story::id).collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<Story> sorted(Collection<Story> stories) {
        return stories.stream().sorted((a, b) -> a.id().compareTo(b.id())).toList();
    }
}
