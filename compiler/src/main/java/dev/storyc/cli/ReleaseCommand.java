package dev.storyc.cli;

import dev.storyc.config.Environment;
import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Diagnostics;
import dev.storyc.diag.Position;
import dev.storyc.diag.SourceFile;
import dev.storyc.diag.Spelling;
import dev.storyc.release.ManifestEditor;
import dev.storyc.release.ManifestLayoutException;
import dev.storyc.release.ReleaseManifest;
import dev.storyc.release.ReleaseParser;
import dev.storyc.workspace.StoryId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;

/** {@code storyc release}: weekly release manifests, edited line by line. */
@Command(name = "release", mixinStandardHelpOptions = true,
        description = {"Manage release manifests (releases/<name>.toml): lists of story ids.",
                "Edits change only the touched lines; comments and layout survive."},
        subcommands = {ReleaseListCommand.class, ReleaseShowCommand.class, ReleaseNewCommand.class,
                ReleaseAddCommand.class, ReleaseDropCommand.class, ReleaseSealCommand.class,
                ReleaseDiffCommand.class, ReleasePromoteCommand.class})
final class ReleaseCommand extends CommandGroup {

    /** Returns a parsed release, or prints why not and ends the command. */
    static ReleaseManifest load(Project project, String name, Console console) {
        SourceFile source = project.workspace().releases().get(name);
        if (source == null) {
            console.failure("release `" + name + "` does not exist",
                    Spelling.didYouMean(name, project.workspace().releases().keySet())
                            .orElse(!dev.storyc.release.ReleaseNames.isValid(name)
                                    ? "`" + name + "` cannot name a release (" + (name.equals("all")
                                            ? "an environment with release = \"all\" takes every story"
                                            : "names are " + dev.storyc.release.ReleaseNames.RULE)
                                            + "); `storyc release list` shows the releases"
                                    : "`storyc release list` shows the releases; `storyc release new " + name
                                            + "` creates it"));
            throw new CommandFailure(ExitCode.USAGE);
        }
        Diagnostics diagnostics = new Diagnostics();
        Optional<ReleaseManifest> manifest = ReleaseParser.parse(name, source, diagnostics);
        if (manifest.isEmpty()) {
            console.diagnostics(diagnostics.all(), List.of(source));
            throw new CommandFailure(ExitCode.PROJECT_ERRORS);
        }
        return manifest.get();
    }

    static List<String> environmentsUsing(Project project, String release) {
        return project.environments().all().stream().filter(e -> e.release().equals(release)).map(Environment::name)
                .toList();
    }

    static Path fileOf(Project project, String name) {
        return project.root().resolve("releases").resolve(name + ".toml");
    }

    static List<StoryId> ids(List<String> values, Console console) {
        List<StoryId> ids = new ArrayList<>();
        for (String value : values) {
            if (!StoryId.isValid(value)) {
                console.failure("`" + value + "` is not a story id", "story ids match [a-z][a-z0-9-]*");
                throw new CommandFailure(ExitCode.USAGE);
            }
            ids.add(new StoryId(value));
        }
        return List.copyOf(new LinkedHashSet<>(ids));
    }

    /**
     * Applies one edit per story to a manifest and writes it once, or, when the rules found
     * problems, prints them and writes nothing.
     */
    static void edit(Project project, String name, List<StoryId> stories, List<Diagnostic> problems,
            java.util.function.BiFunction<ManifestEditor, StoryId, String> edit, Console console) {
        // A story id typed on the command line that names nothing is a usage mistake, exit 2, as
        // in every other command that takes one; it has no file to point at (round 20).
        List<Diagnostic> mistyped = problems.stream()
                .filter(problem -> problem.code() == dev.storyc.diag.Code.RELEASE_UNKNOWN_STORY).toList();
        if (!mistyped.isEmpty()) {
            mistyped.forEach(problem -> console.failure(problem.message(), problem.hint().orElse(null)));
            throw new CommandFailure(ExitCode.USAGE);
        }
        if (!problems.isEmpty()) {
            console.diagnostics(problems, project.workspace().allSources());
            throw new CommandFailure(ExitCode.PROJECT_ERRORS);
        }
        String read = project.workspace().releases().get(name).text();
        String text = read;
        try {
            for (StoryId id : stories) {
                text = edit.apply(ManifestEditor.of(text), id);
            }
        } catch (ManifestLayoutException e) {
            refuseLayout(project, name, e, console);
        }
        if (!stories.isEmpty()) {
            WorkspaceFiles.replace(fileOf(project, name), read, text, console);
        }
    }

    /**
     * Ends the command with exit 1 and E0315 at the manifest, writing nothing, when its layout
     * is one the editor cannot change line by line.
     */
    static void refuseLayout(Project project, String name, ManifestLayoutException e,
            Console console) {
        String path = "releases/" + name + ".toml";
        console.diagnostics(List.of(Diagnostic.error(Code.RELEASE_LAYOUT_UNEDITABLE,
                        Position.ofFile(path),
                        "storyc cannot edit `" + path + "` in place: " + e.getMessage()
                                + "; nothing was written")
                .withHint("edit it by hand, or write `stories` one string per line, each followed"
                        + " by a comma, and the pins as a [pins] table, as storyc writes them")),
                project.workspace().allSources());
        throw new CommandFailure(ExitCode.PROJECT_ERRORS);
    }
}
