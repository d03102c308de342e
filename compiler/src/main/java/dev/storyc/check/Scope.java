package dev.storyc.check;

import dev.storyc.config.Environment;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Diagnostics;
import dev.storyc.diag.Position;
import dev.storyc.diag.Spelling;
import dev.storyc.release.Selection;
import dev.storyc.render.Rendered;
import dev.storyc.render.RenderedFile;
import dev.storyc.render.RenderedStory;
import dev.storyc.render.TemplateContexts;
import dev.storyc.render.TemplateRenderer;
import dev.storyc.workspace.ArtifactKind;
import dev.storyc.workspace.Story;
import dev.storyc.workspace.StoryFile;
import dev.storyc.workspace.StoryId;
import dev.storyc.workspace.Workspace;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A Scope is one environment under check: its rendered stories, what they define, and the
 * diagnostics found so far. What the stories it leaves out define is worked out only when a name
 * is missing, for the hint.
 */
final class Scope {
    final Environment environment;
    final Selection selection;
    final List<CheckedFile> files = new ArrayList<>();
    private Definitions defined;
    final Diagnostics diagnostics = new Diagnostics();
    private final Workspace workspace;
    private final TemplateRenderer renderer;
    final ParseCache.Lookups cache;
    private Definitions elsewhere;
    private Map<StoryKind, List<CheckedFile>> byStory;
    private LookmlCatalog catalog;
    private Map<String, String> modelFiles;
    /** The environment's external tables, read once: reading reports invalid entries. */
    List<TableName> externals;

    /** The number of each of {@link #files}' text, in the same order; see {@link RenderedTexts}. */
    final List<Integer> textIds = new ArrayList<>();

    Scope(Workspace workspace, Environment environment, Selection selection, List<RenderedStory> stories,
            TemplateRenderer renderer, ParseCache.Lookups cache, RenderedTexts texts) {
        this.workspace = workspace;
        this.environment = environment;
        this.selection = selection;
        this.renderer = renderer;
        this.cache = cache;
        for (RenderedStory story : stories) {
            for (RenderedFile file : story.files()) {
                RenderedTexts.Interned text =
                        texts.intern(file.file().source().path(), file.text());
                files.add(new CheckedFile(story.story(), file.file(), text.text(), environment,
                        renderer));
                textIds.add(text.id());
            }
        }
    }

    /**
     * Returns the workspace's {@code model/*.lkml} as rendered for this environment, by path,
     * rendered on first use.
     */
    Map<String, String> modelFiles() {
        if (modelFiles == null) {
            Map<String, String> rendered = new LinkedHashMap<>();
            var context = TemplateContexts.forEnvironment(environment);
            workspace.modelFiles().forEach((path, source) -> rendered.put(path, renderer.render(source, context).text()));
            modelFiles = Collections.unmodifiableMap(rendered);
        }
        return modelFiles;
    }

    /** Returns what the included stories define, worked out on first use. */
    Definitions defined() {
        if (defined == null) {
            defined = Definitions.of(files, cache);
        }
        return defined;
    }

    /** Returns the included LookML with refinements and extends merged, worked out on first use. */
    LookmlCatalog catalog() {
        if (catalog == null) {
            catalog = LookmlCatalog.of(defined());
        }
        return catalog;
    }

    void report(Diagnostic diagnostic) {
        diagnostics.add(diagnostic);
    }

    /** Returns the files of the included stories that are of one kind. */
    List<CheckedFile> files(ArtifactKind kind) {
        return files.stream().filter(f -> f.file().kind() == kind).toList();
    }

    /**
     * Returns one story's files of one kind, in the story's order. Checks that pair each file with
     * another of the same story ask this once per file, so it is a lookup in an index made on first
     * use: a scan of {@link #files} per question made those checks quadratic in the stories.
     */
    List<CheckedFile> files(ArtifactKind kind, StoryId story) {
        if (byStory == null) {
            byStory = new HashMap<>();
            for (CheckedFile file : files) {
                byStory.computeIfAbsent(new StoryKind(file.story().id(), file.file().kind()),
                        key -> new ArrayList<>()).add(file);
            }
        }
        return byStory.getOrDefault(new StoryKind(story, kind), List.of());
    }

    private record StoryKind(StoryId story, ArtifactKind kind) {}

    /** Returns what the stories this environment leaves out define, rendered for it. */
    Definitions elsewhere() {
        if (elsewhere == null) {
            Set<StoryId> included = new HashSet<>();
            selection.stories().forEach(s -> included.add(s.id()));
            List<CheckedFile> others = new ArrayList<>();
            for (Story story : workspace.stories().values()) {
                if (included.contains(story.id())) {
                    continue;
                }
                var context = TemplateContexts.forStory(environment, story);
                for (StoryFile file : story.files()) {
                    Rendered rendered = renderer.render(file.source(), context);
                    others.add(new CheckedFile(story, file, rendered.text(), environment, renderer));
                }
            }
            elsewhere = Definitions.of(others, cache);
        }
        return elsewhere;
    }

    /** Returns how the environment names its stories: "release `r`", or the environment for `all`. */
    String releasePhrase() {
        return environment.takesAllStories()
                ? "environment `" + environment.name() + "`"
                : "release `" + selection.releaseName() + "`";
    }

    /**
     * Returns a diagnostic for a name the environment lacks: a hint naming the left-out story that
     * defines it, with its definition as related location; else "did you mean"; else {@code fallback}.
     */
    <T> Diagnostic missing(Diagnostic diagnostic, String what, String name,
            Optional<Definitions.Def<T>> definedElsewhere, Collection<String> known, String fallback) {
        if (definedElsewhere.isPresent()) {
            Definitions.Def<T> def = definedElsewhere.get();
            return diagnostic
                    .withHint(what + " `" + name + "` is defined by story `" + def.story() + "`, which "
                            + releasePhrase() + " does not include; add the story back, or stop using `" + name + "`")
                    .withRelated(def.position(), "`" + name + "` is defined here, in story `" + def.story() + "`");
        }
        return diagnostic.withHint(Spelling.didYouMean(name, known).orElse(fallback));
    }

    /** Returns the environment's position, for problems in files it generates rather than stories. */
    Position environmentPosition() {
        return environment.definedAt() == null ? Position.ofFile("environments.toml") : environment.definedAt();
    }

    /** Returns the table a view's {@code sql_table_name} names, the environment's constants filled in. */
    java.util.Optional<TableName> viewTable(String sqlTableName) {
        return TableName.parse(sqlTableName, environment.lookerConstants());
    }

    /** Returns true when story {@code from} requires story {@code to}, directly or through others. */
    boolean requires(StoryId from, StoryId to) {
        java.util.Deque<StoryId> open = new java.util.ArrayDeque<>(List.of(from));
        java.util.Set<StoryId> seen = new java.util.HashSet<>();
        while (!open.isEmpty()) {
            Story story = workspace.stories().get(open.pop());
            if (story == null || !seen.add(story.id())) {
                continue;
            }
            if (story.manifest().requiredIds().contains(to)) {
                return true;
            }
            open.addAll(story.manifest().requiredIds());
        }
        return false;
    }
}
