package dev.storyc.workspace;

import dev.storyc.diag.SourceFile;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A Workspace is everything storyc reads from a user's repository, held in memory: the
 * environments file and the files it imports, the stories, the release manifests and the partials.
 * Once loaded, no later stage reads the disk, which keeps them pure and lets one load serve many environments.
 *
 * @param rejected files that were read but left out because of errors (a story whose story.toml is
 *     invalid), kept so that those errors can quote their lines
 * @param modelFiles {@code model/*.lkml} by path: model-level LookML (access grants, datagroups,
 *     named value formats) that storyc renders into every environment's generated model file
 */
public record Workspace(
        Optional<SourceFile> environments,
        SortedMap<StoryId, Story> stories,
        SortedMap<String, SourceFile> releases,
        Map<String, SourceFile> partials,
        Optional<SourceFile> settings,
        Stdlib stdlib,
        SortedMap<String, ImportedFile> environmentImports,
        List<SourceFile> rejected,
        SortedMap<String, SourceFile> modelFiles) {

    public Workspace {
        modelFiles = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(modelFiles));
        stories = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(stories));
        // Natural order, so v9 comes before v10 in every listing, the site and release history.
        TreeMap<String, SourceFile> ordered = new TreeMap<>(NaturalOrder.INSTANCE);
        ordered.putAll(releases);
        releases = java.util.Collections.unmodifiableSortedMap(ordered);
        partials = Map.copyOf(partials);
        environmentImports = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(environmentImports));
        rejected = List.copyOf(rejected);
    }

    /** Returns a workspace without model files. */
    public Workspace(Optional<SourceFile> environments, SortedMap<StoryId, Story> stories,
            SortedMap<String, SourceFile> releases, Map<String, SourceFile> partials, Optional<SourceFile> settings,
            Stdlib stdlib, SortedMap<String, ImportedFile> environmentImports, List<SourceFile> rejected) {
        this(environments, stories, releases, partials, settings, stdlib, environmentImports, rejected,
                new TreeMap<>());
    }

    /** Returns a workspace whose environments.toml imports nothing. */
    public Workspace(Optional<SourceFile> environments, SortedMap<StoryId, Story> stories,
            SortedMap<String, SourceFile> releases, Map<String, SourceFile> partials, Optional<SourceFile> settings,
            Stdlib stdlib) {
        this(environments, stories, releases, partials, settings, stdlib, new TreeMap<>(), List.of());
    }

    /** Returns the story ids as text, the candidates for a "did you mean". */
    public List<String> storyNames() {
        return stories.keySet().stream().map(StoryId::value).toList();
    }

    /** Returns a story by id. */
    public Optional<Story> story(StoryId id) {
        return Optional.ofNullable(stories.get(id));
    }

    /** Returns a copy in which the given stories replace those with the same ids. */
    public Workspace withStories(Map<StoryId, Story> replacements) {
        SortedMap<StoryId, Story> merged = new TreeMap<>(stories);
        merged.putAll(replacements);
        return new Workspace(environments, merged, releases, partials, settings, stdlib, environmentImports, rejected,
                modelFiles);
    }

    /** Returns every source file, for the diagnostic renderer to quote lines from. */
    public List<SourceFile> allSources() {
        var all = new java.util.ArrayList<SourceFile>();
        environments.ifPresent(all::add);
        environmentImports.values().forEach(i -> {
            if (i instanceof ImportedFile.Loaded loaded) {
                all.add(loaded.source());
            }
        });
        settings.ifPresent(all::add);
        for (Story story : stories.values()) {
            all.add(story.manifestSource());
            story.files().forEach(f -> all.add(f.source()));
            story.classification().ifPresent(all::add);
        }
        all.addAll(releases.values());
        all.addAll(partials.values());
        all.addAll(rejected);
        all.addAll(modelFiles.values());
        all.add(stdlib.environmentType());
        all.addAll(stdlib.templates().values());
        all.addAll(stdlib.partials().values());
        return all;
    }
}
