package dev.storyc.emit;

import dev.storyc.workspace.Sha256;
import dev.storyc.config.Environment;
import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Diagnostics;
import dev.storyc.diag.Position;
import dev.storyc.diag.Result;
import dev.storyc.etl.EtlJob;
import dev.storyc.etl.EtlJobReader;
import dev.storyc.etl.ScheduleFiles;
import dev.storyc.etl.ScheduleTarget;
import dev.storyc.render.RenderedFile;
import dev.storyc.render.RenderedStory;
import dev.storyc.render.TemplateContexts;
import dev.storyc.render.TemplateRenderer;
import dev.storyc.release.Selection;
import dev.storyc.workspace.ArtifactKind;
import dev.storyc.workspace.SchemaChanges;
import dev.storyc.workspace.StoryId;
import dev.storyc.workspace.Stdlib;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.WeakHashMap;

/**
 * Assembles an environment's output tree from its rendered stories: story files in their
 * folders, the generated model, manifest and README, the warehouse plan and the lock.
 */
public final class OutputTreeBuilder {
    private final Stdlib stdlib;
    private final TemplateRenderer renderer;
    private final ContentIds contentIds;
    private final String compilerVersion;
    private final java.util.SortedMap<String, dev.storyc.diag.SourceFile> modelFiles;
    private final Memo memo;
    /**
     * Each job file read, by its story, path and text: environments mostly render a job alike, and
     * parsing its TOML again for each was a twentieth of a compile from scratch. A builder serves
     * one environment at a time, so a plain map will do.
     */
    private final Map<JobFile, Optional<EtlJob>> jobsRead = new HashMap<>();
    /**
     * The {@code sha256:} hash of each schema script text seen: environments mostly render a script
     * alike, and without a JIT that compiles the digest to the processor's SHA instructions (the
     * launcher's C1-only JVM has none) hashing every script for each of a dozen environments was a
     * twentieth of a one-story edit's CPU. Weak keys, so it holds no text the compile let go of.
     */
    private final Map<String, String> scriptHashes = new WeakHashMap<>();

    public OutputTreeBuilder(Stdlib stdlib, TemplateRenderer renderer, ContentIds contentIds, String compilerVersion) {
        this(stdlib, renderer, contentIds, compilerVersion, new TreeMap<>());
    }

    /**
     * @param modelFiles the workspace's {@code model/*.lkml}, rendered for each environment into its
     *     generated model file, in path order
     */
    public OutputTreeBuilder(Stdlib stdlib, TemplateRenderer renderer, ContentIds contentIds, String compilerVersion,
            java.util.SortedMap<String, dev.storyc.diag.SourceFile> modelFiles) {
        this(stdlib, renderer, contentIds, compilerVersion, modelFiles, Memo.NONE);
    }

    /** @param memo where schedule files, slow to write and rarely changed, are remembered */
    public OutputTreeBuilder(Stdlib stdlib, TemplateRenderer renderer, ContentIds contentIds,
            String compilerVersion,
            java.util.SortedMap<String, dev.storyc.diag.SourceFile> modelFiles, Memo memo) {
        this.memo = memo;
        this.stdlib = stdlib;
        this.renderer = renderer;
        this.contentIds = contentIds;
        this.compilerVersion = compilerVersion;
        this.modelFiles = modelFiles;
    }

    public Result<CompiledEnvironment> build(Environment environment, Selection selection, List<RenderedStory> stories) {
        Diagnostics diagnostics = new Diagnostics();
        // In the order made, which is nearly path order: OutputTree sorts once, in about one pass,
        // where a sorted map compared long shared path prefixes a dozen times per file.
        Map<String, OutputFile> files = new LinkedHashMap<>();
        Map<String, Position> origins = new HashMap<>();
        Map<String, String> byFoldedPath = new HashMap<>();
        List<WarehousePlan.Change> plan = new ArrayList<>();
        TreeMap<String, String> storyTrees = new TreeMap<>();
        for (RenderedStory rendered : stories) {
            var story = rendered.story();
            storyTrees.put(story.id().value(), contentIds.treeIdOf(story));
            Map<String, Map<ArtifactKind, String>> hashes = new LinkedHashMap<>();
            for (RenderedFile file : rendered.files()) {
                String path = OutputLayout.pathOf(story.id(), file.file());
                Position origin = Position.ofFile(file.file().source().path());
                if (files.containsKey(path)) {
                    diagnostics.add(Diagnostic.error(Code.OUTPUT_PATH_CLASH, origin,
                                    "`" + file.file().source().path() + "` and another file both become `" + path + "`")
                            .withRelated(origins.get(path), "the other file"));
                    continue;
                }
                String other = byFoldedPath.putIfAbsent(PortablePaths.folded(path), path);
                if (other != null) {
                    diagnostics.add(Diagnostic.error(Code.OUTPUT_PATH_CLASH, origin,
                                    "`" + path + "` and `" + other + "` differ only in letter case or Unicode"
                                            + " normalization: a checkout on macOS or Windows keeps one of them")
                            .withHint("rename one of the two files")
                            .withRelated(origins.get(other), "the other file"));
                    continue;
                }
                files.put(path, new OutputFile(path, file.text()));
                origins.put(path, origin);
                if (file.file().kind().isSchemaScript()) {
                    String folder = path.substring(0, path.lastIndexOf('/'));
                    hashes.computeIfAbsent(folder, f -> new LinkedHashMap<>())
                            .put(file.file().kind(), scriptHashes.computeIfAbsent(file.text(), Sha256::tagged));
                }
            }
            List<String> requires = story.manifest().requiredIds().stream()
                    .map(StoryId::value).sorted().toList();
            for (SchemaChanges.Scripts scripts : SchemaChanges.of(story.files())) {
                String folder = scripts.change().outputFolder(story.id());
                Map<ArtifactKind, String> hashed = hashes.getOrDefault(folder, Map.of());
                plan.add(new WarehousePlan.Change(plan.size() + 1, story.id().value(),
                        scripts.change().name(), folder, requires,
                        Optional.ofNullable(hashed.get(ArtifactKind.SCHEMA_DEPLOY)),
                        Optional.ofNullable(hashed.get(ArtifactKind.SCHEMA_REVERT)),
                        Optional.ofNullable(hashed.get(ArtifactKind.SCHEMA_VERIFY))));
            }
        }
        generated(environment, stories, files, diagnostics);
        schedules(environment, stories).forEach((path, text) -> files.put(path, new OutputFile(path, text)));
        files.put(OutputLayout.PLAN, new OutputFile(OutputLayout.PLAN, new WarehousePlan(plan).toToml()));
        files.put(OutputLayout.CONNECTION,
                new OutputFile(OutputLayout.CONNECTION, ConnectionFile.of(environment).toToml()));
        LockFile lock = new LockFile(compilerVersion, environment.name(), environment.hash(), selection.releaseName(),
                storyTrees);
        files.put(OutputLayout.LOCK, new OutputFile(OutputLayout.LOCK, lock.toToml()));
        if (diagnostics.hasErrors()) {
            return Result.failed(diagnostics.all());
        }
        return Result.of(new CompiledEnvironment(environment, selection, new OutputTree(files), lock),
                diagnostics);
    }

    /**
     * Returns the schedule files (crontab, Kubernetes CronJobs) of the environment's ETL jobs, in
     * apply order, derived from the stories so that backing one out removes its entries. A job
     * file that cannot be read is left to the checks, which report it.
     */
    private Map<String, String> schedules(Environment environment, List<RenderedStory> stories) {
        ScheduleTarget target = ScheduleTarget.of(environment.name(), environment.output().sharedRemote(),
                environment.output().branch(), compilerVersion);
        // Everything the schedules derive from: the target and each job file's story, path, text.
        Sha256.Parts key = Sha256.parts().add("schedules-1").add(target.environment())
                .add(target.checkout()).add(target.remote().orElse("")).add(target.branch())
                .add(target.image());
        List<JobFile> files = new ArrayList<>();
        for (RenderedStory rendered : stories) {
            rendered.files().stream()
                    .filter(f -> f.file().kind() == ArtifactKind.ETL_JOB)
                    .sorted(Comparator.comparing(f -> f.file().fileName()))
                    .forEach(f -> {
                        JobFile job = new JobFile(rendered.story().id().value(),
                                OutputLayout.pathOf(rendered.story().id(), f.file()), f.text());
                        key.add(job.story()).add(job.path()).add(job.text());
                        files.add(job);
                    });
        }
        return memo.files(key.hex(), () -> {
            List<EtlJob> jobs = new ArrayList<>();
            files.forEach(f -> jobsRead.computeIfAbsent(f,
                    read -> EtlJobReader.read(read.story(), read.path(), read.text()))
                    .ifPresent(jobs::add));
            return ScheduleFiles.of(target, jobs);
        });
    }

    /** An ETL job file as the schedules read it. */
    private record JobFile(String story, String path, String text) {}

    /** Renders the stdlib templates: model, manifest and README. */
    private void generated(Environment environment, List<RenderedStory> stories, Map<String, OutputFile> files,
            Diagnostics diagnostics) {
        Map<String, Object> context = TemplateContexts.forEnvironment(environment);
        context.put("includes", includes(files));
        context.put("constants", constants(environment));
        context.put("model_files", modelFiles(environment, diagnostics));
        context.put("stories", stories.stream().map(s -> Map.of(
                "id", s.story().id().value(), "title", s.story().manifest().title())).toList());
        put(files, OutputLayout.modelPath(environment.model()), "model.lkml", context, diagnostics);
        put(files, OutputLayout.MANIFEST, "manifest.lkml", context, diagnostics);
        put(files, OutputLayout.README, "README.md", context, diagnostics);
    }

    private void put(Map<String, OutputFile> files, String path, String template, Map<String, Object> context,
            Diagnostics diagnostics) {
        var rendered = renderer.render(stdlib.template(template), context);
        diagnostics.addAll(rendered.diagnostics());
        files.put(path, new OutputFile(path, rendered.text()));
    }

    /** Returns one include per story folder and LookML kind present, so a diff shows each story arrive. */
    private static List<String> includes(Map<String, OutputFile> files) {
        TreeSet<String> patterns = new TreeSet<>();
        for (String path : files.keySet()) {
            int slash = path.lastIndexOf('/');
            if (slash < 0) {
                continue;
            }
            String folder = path.substring(0, slash);
            if (path.endsWith(".view.lkml")) {
                patterns.add("/" + folder + "/*.view.lkml");
            } else if (path.endsWith(".explore.lkml")) {
                patterns.add("/" + folder + "/*.explore.lkml");
            } else if (path.endsWith(".dashboard.lookml")) {
                patterns.add("/" + folder + "/*.dashboard.lookml");
            }
        }
        return List.copyOf(patterns);
    }

    /** Renders each {@code model/*.lkml} for the environment, for the model template to include. */
    private List<Map<String, String>> modelFiles(Environment environment, Diagnostics diagnostics) {
        List<Map<String, String>> rendered = new ArrayList<>();
        for (var file : modelFiles.values()) {
            var result = renderer.render(file, TemplateContexts.forEnvironment(environment));
            diagnostics.addAll(result.diagnostics());
            String text = result.text().stripTrailing(); // the template ends the line
            rendered.add(Map.of("path", file.path(), "text", text));
        }
        return rendered;
    }

    private static List<Map<String, String>> constants(Environment environment) {
        return new TreeMap<>(environment.lookerConstants()).entrySet().stream()
                .map(e -> Map.of("name", e.getKey(), "value", e.getValue().replace("\\", "\\\\").replace("\"", "\\\"")))
                .toList();
    }
}
