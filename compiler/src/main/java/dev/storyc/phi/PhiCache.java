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
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the phi stage reads once per distinct input rather than once per environment: most
 * environments render a story's files to the same text, so a workspace compiled for a dozen
 * environments has its column lists built, its classification files read and its LookML parsed
 * once each. One instance serves every environment of a run, from several threads.
 */
public final class PhiCache {
    /** The inputs of a classification: the deploy scripts in plan order and the classification files. */
    private record ClassificationKey(List<String> scripts, List<SourceFile> files) {}

    private final Map<ClassificationKey, Result<Classification>> classifications = new ConcurrentHashMap<>();
    private final Map<String, Map<String, ParsedFile>> lookml = new ConcurrentHashMap<>();
    private final Map<String, Map<String, ParsedDashboards>> dashboards = new ConcurrentHashMap<>();

    /** Returns the classification of the stories, checked against the tables they create. */
    Result<Classification> classification(List<RenderedStory> stories) {
        List<Story> classified = stories.stream().map(RenderedStory::story)
                .filter(s -> s.classification().isPresent()).toList();
        if (classified.isEmpty()) {
            return Result.of(Classification.empty(), List.of());
        }
        List<String> scripts = new ArrayList<>();
        for (RenderedStory story : stories) {
            for (RenderedFile file : story.files()) {
                if (file.file().kind() == ArtifactKind.SCHEMA_DEPLOY) {
                    scripts.add(story.story().id().value());
                    scripts.add(file.text());
                }
            }
        }
        ClassificationKey key = new ClassificationKey(scripts,
                classified.stream().map(s -> s.classification().get()).toList());
        return classifications.computeIfAbsent(key,
                k -> ClassificationReader.read(classified, SchemaTables.of(stories)));
    }

    /** Returns a dashboard file parsed. */
    ParsedDashboards dashboard(String path, String text) {
        return dashboards.computeIfAbsent(path, p -> new ConcurrentHashMap<>())
                .computeIfAbsent(text, t -> Lookml.parseDashboard(path, t));
    }

    /** Returns a LookML file parsed. */
    ParsedFile parse(LookmlText file) {
        return lookml.computeIfAbsent(file.path(), p -> new ConcurrentHashMap<>())
                .computeIfAbsent(file.text(), text -> Lookml.parse(file.path(), text));
    }
}
