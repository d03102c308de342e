package dev.storyc.release;

import dev.storyc.config.Environment;
import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Diagnostics;
import dev.storyc.diag.Position;
import dev.storyc.diag.Result;
import dev.storyc.diag.Spelling;
import dev.storyc.workspace.Story;
import dev.storyc.workspace.StoryId;
import dev.storyc.workspace.StoryManifest;
import dev.storyc.workspace.Workspace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Selects the stories an environment compiles and orders them: every story after the stories it
 * requires, and otherwise in release order. Warehouse scripts are applied in this order, so it must
 * be deterministic and respect dependencies.
 */
public final class StorySelector {
    private StorySelector() {}

    public static Result<Selection> select(Environment environment, Workspace workspace) {
        Diagnostics diagnostics = new Diagnostics();
        List<Story> listed = new ArrayList<>();
        Optional<ReleaseManifest> manifest = Optional.empty();
        if (environment.takesAllStories()) {
            if (environment.isProtected()) {
                diagnostics.add(Diagnostic.error(Code.PROTECTED_NEEDS_SEALED_RELEASE, environment.releaseAt(),
                                "protected environment `" + environment.name() + "` cannot take `release = \"all\"`")
                        .withHint("a protected environment ships exactly what was tested: point it at a sealed release"));
                return Result.failed(diagnostics.all());
            }
            listed.addAll(workspace.stories().values());
        } else {
            var source = workspace.releases().get(environment.release());
            if (source != null && !ReleaseNames.isValid(environment.release())) {
                diagnostics.add(Diagnostic.error(Code.RELEASE_NAME_INVALID, environment.releaseAt(),
                                "environment `" + environment.name() + "` uses release `" + environment.release()
                                        + "`, which is not a release name")
                        .withHint("rename releases/" + environment.release() + ".toml to " + ReleaseNames.RULE));
                return Result.failed(diagnostics.all());
            }
            if (source == null) {
                diagnostics.add(Diagnostic.error(Code.RELEASE_NOT_FOUND, environment.releaseAt(),
                                "environment `" + environment.name() + "` uses release `" + environment.release()
                                        + "`, which has no releases/" + environment.release() + ".toml")
                        .withHint(Spelling.didYouMean(environment.release(), workspace.releases().keySet())
                                .orElse(ReleaseNames.isValid(environment.release())
                                        ? "create the manifest, or set `release = \"all\"`"
                                        : "`" + environment.release() + "` cannot name a release: names are "
                                                + ReleaseNames.RULE)));
                return Result.failed(diagnostics.all());
            }
            manifest = ReleaseParser.parse(environment.release(), source, diagnostics);
            if (manifest.isEmpty()) {
                return Result.failed(diagnostics.all());
            }
            if (environment.isProtected() && !manifest.get().isSealed() && !manifest.get().stories().isEmpty()) {
                // An empty release has nothing to pin, so nothing unpinned can ship from it.
                diagnostics.add(Diagnostic.error(Code.PROTECTED_NEEDS_SEALED_RELEASE, environment.releaseAt(),
                                "protected environment `" + environment.name() + "` uses release `"
                                        + manifest.get().name() + "`, which is not sealed")
                        .withHint("seal it once acceptance passes: storyc release seal " + manifest.get().name()));
            }
            listed.addAll(listedStories(manifest.get(), workspace, Set.of(), diagnostics));
        }
        List<Story> ordered = order(listed, workspace, manifest, environment.release(), Set.of(), diagnostics);
        if (diagnostics.hasErrors()) {
            return Result.failed(diagnostics.all());
        }
        return Result.of(new Selection(environment.release(), manifest, ordered), diagnostics);
    }

    /**
     * Returns the problems of a release manifest that no environment runs, as an environment that
     * ran it would find them (all but the protected environment's need for a seal), so that next
     * week's release is checked before anyone promotes it. Its name must also be one an
     * environment can run.
     */
    public static List<Diagnostic> checkUnrun(String name, dev.storyc.diag.SourceFile source, Workspace workspace) {
        Diagnostics diagnostics = new Diagnostics();
        if (!ReleaseNames.isValid(name)) {
            diagnostics.add(Diagnostic.error(Code.RELEASE_NAME_INVALID, Position.ofFile(source.path()),
                            "`" + name + "` is not a release name, so no environment can run this manifest")
                    .withHint("rename the file to " + ReleaseNames.RULE + ", such as 2026-W49-hotfix"));
        }
        Optional<ReleaseManifest> manifest = ReleaseParser.parse(name, source, diagnostics);
        if (manifest.isPresent()) {
            // A story main deleted is still in a sealed release that pins it, and comes from that
            // pin if the release is ever run again: not a problem of the release (round 22: an old
            // sealed release then failed every check once production moved past it).
            Set<StoryId> pinnedOnly = new java.util.HashSet<>(manifest.get().pins().keySet());
            pinnedOnly.removeIf(story -> workspace.story(story).isPresent());
            List<Story> listed = listedStories(manifest.get(), workspace, pinnedOnly, diagnostics);
            order(listed, workspace, manifest, name, pinnedOnly, diagnostics);
        }
        return diagnostics.all();
    }

    /**
     * Returns the stories a manifest lists that exist, reporting those that do not; and checks
     * that a sealed release pins every story it lists: an unpinned story would be compiled from the
     * working tree, not from what was tested.
     */
    private static List<Story> listedStories(ReleaseManifest manifest, Workspace workspace,
            Set<StoryId> pinnedOnly, Diagnostics diagnostics) {
        checkSealing(manifest, diagnostics);
        List<Story> listed = new ArrayList<>();
        for (ReleaseManifest.Entry entry : manifest.stories()) {
            Optional<Story> story = workspace.story(entry.story());
            if (story.isEmpty() && pinnedOnly.contains(entry.story())) {
                continue;
            }
            if (story.isEmpty()) {
                diagnostics.add(Diagnostic.error(Code.RELEASE_UNKNOWN_STORY, entry.position(),
                                "release `" + manifest.name() + "` lists `" + entry.story()
                                        + "`, which has no folder under stories/")
                        .withHint(Spelling.didYouMean(entry.story().value(),
                                workspace.storyNames())
                                .orElse("create stories/" + entry.story() + "/ or delete the line")));
                continue;
            }
            listed.add(story.get());
        }
        return listed;
    }

    private static void checkSealing(ReleaseManifest manifest, Diagnostics diagnostics) {
        if (manifest.isSealed()) {
            for (ReleaseManifest.Entry entry : manifest.stories()) {
                if (!manifest.pins().containsKey(entry.story())) {
                    diagnostics.add(Diagnostic.error(Code.STORY_NOT_PINNED, entry.position(),
                                    "release `" + manifest.name() + "` is sealed but does not pin `" + entry.story() + "`")
                            .withHint("seal it again to pin the story: storyc release seal " + manifest.name()));
                }
            }
            // A stale pin means someone deleted a line by hand but not its pin: say so, because the
            // pin would silently come back into force if the line did.
            manifest.pins().keySet().stream().filter(story -> manifest.positionOf(story).isEmpty()).sorted()
                    .forEach(story -> diagnostics.add(Diagnostic.error(Code.PIN_WITHOUT_STORY,
                                    manifest.pinPositions().get(story),
                                    "release `" + manifest.name() + "` pins `" + story + "`, but does not list it in"
                                            + " `stories`")
                            .withHint("delete the pin line too (storyc release drop " + manifest.name() + " "
                                    + story + " does both), or list the story again")));
        }
    }

    /** Orders stories depth-first by requires, visiting them in listed order; reports gaps and cycles. */
    /** @param pinnedOnly stories the release pins that main deleted: a requirement they meet */
    private static List<Story> order(List<Story> listed, Workspace workspace, Optional<ReleaseManifest> manifest,
            String release, Set<StoryId> pinnedOnly, Diagnostics diagnostics) {
        Map<StoryId, Story> included = new LinkedHashMap<>();
        listed.forEach(s -> included.put(s.id(), s));
        List<Story> ordered = new ArrayList<>();
        Map<StoryId, Boolean> visiting = new LinkedHashMap<>();
        for (Story story : listed) {
            visit(story, included, workspace, manifest, release, pinnedOnly, visiting, new ArrayList<>(), ordered,
                    diagnostics);
        }
        return ordered;
    }

    private static void visit(Story story, Map<StoryId, Story> included, Workspace workspace,
            Optional<ReleaseManifest> manifest, String release, Set<StoryId> pinnedOnly, Map<StoryId, Boolean> state,
            List<StoryManifest.Requirement> path, List<Story> ordered, Diagnostics diagnostics) {
        Boolean done = state.get(story.id());
        if (Boolean.TRUE.equals(done)) {
            return;
        }
        if (Boolean.FALSE.equals(done)) {
            reportCycle(story.id(), path, diagnostics);
            return;
        }
        state.put(story.id(), false);
        for (StoryManifest.Requirement requirement : story.manifest().requires()) {
            Story required = included.get(requirement.story());
            if (required == null && pinnedOnly.contains(requirement.story())) {
                continue;
            }
            if (required == null) {
                reportMissing(story, requirement, workspace, manifest, release, diagnostics);
                continue;
            }
            path.add(requirement);
            visit(required, included, workspace, manifest, release, pinnedOnly, state, path, ordered, diagnostics);
            path.remove(path.size() - 1);
        }
        state.put(story.id(), true);
        ordered.add(story);
    }

    private static void reportMissing(Story story, StoryManifest.Requirement requirement, Workspace workspace,
            Optional<ReleaseManifest> manifest, String release, Diagnostics diagnostics) {
        if (workspace.story(requirement.story()).isEmpty()) {
            diagnostics.add(Diagnostic.error(Code.UNKNOWN_REQUIRED_STORY, requirement.position(),
                            "story `" + story.id() + "` requires `" + requirement.story() + "`, which does not exist")
                    .withHint(Spelling.didYouMean(requirement.story().value(),
                            workspace.storyNames())
                            .orElse("remove it from requires, or create stories/" + requirement.story() + "/")));
            return;
        }
        Diagnostic diagnostic = Diagnostic.error(Code.REQUIRED_STORY_NOT_INCLUDED, requirement.position(),
                        "story `" + story.id() + "` requires `" + requirement.story() + "`, which release `"
                                + release + "` does not include")
                .withHint("add \"" + requirement.story() + "\" to the release, or drop `" + story.id() + "` too");
        Optional<Position> listedAt = manifest.flatMap(m -> m.positionOf(story.id()));
        if (listedAt.isPresent()) {
            diagnostic = diagnostic.withRelated(listedAt.get(), "`" + story.id() + "` is released here");
        }
        diagnostics.add(diagnostic);
    }

    private static void reportCycle(StoryId closing, List<StoryManifest.Requirement> path, Diagnostics diagnostics) {
        int start = 0;
        for (int i = 0; i < path.size(); i++) {
            if (i > 0 && path.get(i - 1).story().equals(closing)) {
                start = i;
            }
        }
        List<StoryManifest.Requirement> cycle = path.subList(start, path.size());
        List<String> names = new ArrayList<>();
        names.add(closing.value());
        cycle.forEach(r -> names.add(r.story().value()));
        StoryManifest.Requirement last = cycle.get(cycle.size() - 1);
        Diagnostic diagnostic = Diagnostic.error(Code.REQUIRES_CYCLE, last.position(),
                        "`requires` forms a cycle: " + String.join(" -> ", names))
                .withHint("a story cannot need itself; remove one of these requires");
        for (int i = 0; i + 1 < cycle.size(); i++) {
            diagnostic = diagnostic.withRelated(cycle.get(i).position(), "required here");
        }
        diagnostics.add(diagnostic);
    }
}
