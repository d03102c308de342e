package dev.storyc.phi;

import dev.storyc.check.SchemaTables;
import dev.storyc.diag.Result;
import dev.storyc.diag.SourceFile;
import dev.storyc.lookml.Lookml;
import dev.storyc.lookml.dashboard.ParsedDashboards;
import dev.storyc.lookml.syntax.ParsedFile;
import dev.storyc.render.RenderedFile;
import dev.storyc.render.RenderedStory;
import dev.storyc.workspace.ArtifactKind;
import dev.storyc.workspace.Story;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the phi stage reads once per distinct input rather than once per environment: most
 * environments render a story's files to the same text, so a workspace compiled for a dozen
 * environments has its column lists built, its classification files read and its LookML parsed
 * once each. One instance serves every environment of a run, from several threads.
 */
public final class PhiCache {
    /**
     * The inputs of a classification: the deploy scripts in plan order and the classification
     * files.
     */
    private record ClassificationKey(List<String> scripts, List<SourceFile> files) {}

    private final Map<ClassificationKey,
            Result<Classification>> classifications = new ConcurrentHashMap<>();
    private final Map<String, Map<String, ParsedFile>> lookml = new ConcurrentHashMap<>();
    private final Map<String, Map<String, ParsedDashboards>> dashboards = new ConcurrentHashMap<>();

    /** Returns the classification of the stories, checked against the tables they create. */
    Result<Classification> classification(List<RenderedStory> stories) {
        List<Story> classified = stories.stream().map(RenderedStory::story)
                .filter(s -> s.classification().isPresent()).toList();
        if (classified.isEmpty()) {
            return Result.of(Classification.empty(), List.of());
        }
        // Only the scripts that can shape a classified table: the classifying stories' own, and
        // those that name a classified table. Building every table's columns for a thousand
        // stories would cost as much as the rest of the stage.
        Set<String> classifying = classified.stream().map(s -> s.id().value()).collect(Collectors
                .toSet());
        Words named = new Words(ClassificationReader.tableNames(classified), List.of(), true);
        List<String> scripts = new ArrayList<>();
        List<RenderedStory> shaping = new ArrayList<>();
        for (RenderedStory story : stories) {
            List<RenderedFile> deploys = new ArrayList<>();
            for (RenderedFile file : story.files()) {
                if (file.file().kind() == ArtifactKind.SCHEMA_DEPLOY
                        && (classifying.contains(story.story().id().value()) || named.foundIn(file
                                .text()))) {
                    deploys.add(file);
                    scripts.add(story.story().id().value());
                    scripts.add(file.text());
                }
            }
            if (!deploys.isEmpty()) {
                shaping.add(new RenderedStory(story.story(), deploys));
            }
        }
        ClassificationKey key = new ClassificationKey(scripts,
                classified.stream().map(s -> s.classification().get()).toList());
        return classifications.computeIfAbsent(key,
                k -> ClassificationReader.read(classified, SchemaTables.of(shaping)));
    }

    /** Returns a dashboard file parsed. */
    ParsedDashboards dashboard(String path, String text) {
        return dashboards.computeIfAbsent(path, p -> new ConcurrentHashMap<>())
                .computeIfAbsent(text, t -> Lookml.parseDashboard(path, t));
    }

    /**
     * Drops everything remembered, once no environment is left to compile: parsed files would
     * otherwise stay in memory while the outputs are written.
     */
    public void forget() {
        classifications.clear();
        lookml.clear();
        dashboards.clear();
    }

    /** Returns a LookML file parsed. */
    ParsedFile parse(LookmlText file) {
        return lookml.computeIfAbsent(file.path(), p -> new ConcurrentHashMap<>())
                .computeIfAbsent(file.text(), text -> Lookml.parse(file.path(), text));
    }
}
