package dev.storyc.cli;

import dev.storyc.config.ConfigTable;
import dev.storyc.config.ConfigValue;
import dev.storyc.config.Environment;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Position;
import dev.storyc.diag.SourceFile;
import dev.storyc.placement.OutputRoot;
import dev.storyc.placement.OutputTarget;
import dev.storyc.placement.Placement;
import dev.storyc.publish.BranchNames;
import dev.storyc.publish.OutputFolderInspection;
import dev.storyc.settings.Setting;
import dev.storyc.settings.Settings;
import dev.storyc.settings.SettingsLoader;
import dev.storyc.workspace.ImportedFile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one place the commands ask where an environment's output repository lives and whether storyc
 * may write there: {@code compile}, {@code ci}, {@code push} and {@code check} all call {@link
 * #approve}. It gathers each environment's folder, remote and branch with their positions, asks the
 * pure rules ({@link Placement}) and the disk ({@link OutputFolderInspection}), and prints what
 * they found. No writer opens a repository without an approval.
 */
final class OutputFolders {
    private OutputFolders() {}

    /**
     * The verdict for one run: the folder of every environment, and whether storyc may write them.
     * Diagnostics are printed already; {@link #folder} ends the command with exit 1 when refused.
     *
     * @param anchor where the disk inspection of each folder starts ({@link
     *     OutputFolderInspection#inspect}): the workspace, or the folder that holds {@code --out}'s
     */
    record Approval(Map<String, Path> folders, Path anchor, boolean ok) {
        /** Returns the approved folder of {@code environment}, or ends the command when refused. */
        Path folder(Environment environment) {
            if (!ok) {
                throw new CommandFailure(ExitCode.PROJECT_ERRORS);
            }
            return folders.get(environment.name());
        }

        /**
         * Ends the command with exit 1 when storyc may not write; for check, after its own report.
         */
        void require() {
            if (!ok) {
                throw new CommandFailure(ExitCode.PROJECT_ERRORS);
            }
        }
    }

    /**
     * The folders of a command that only reads output repositories: the placement rules, and no
     * disk inspection. Their errors end the command as they end a compile, because a misplaced
     * folder may be another environment's, and reading it would show or run that one's output.
     */
    static Approval reading(Project project, Settings settings, Path override, Console console) {
        Approval approval = approve(project, settings, override, List.of(), console);
        approval.require();
        return approval;
    }

    /**
     * Checks where every environment's repository goes, and inspects the disk for those in {@code
     * writing}; prints every problem on {@code console}.
     *
     * @param override the folder of {@code compile --out}, or null
     */
    static Approval approve(
            Project project,
            Settings settings,
            Path override,
            Collection<Environment> writing,
            Console console) {
        Path workspace = project.root().toAbsolutePath().normalize();
        OutputRoot root = rootOf(workspace, settings, override);
        List<OutputTarget> targets = new ArrayList<>();
        for (Environment environment : project.environments().all()) {
            targets.add(targetOf(project, root, override != null, environment));
        }
        List<Diagnostic> problems =
                new ArrayList<>(
                        Placement.check(
                                workspace,
                                root,
                                targets,
                                sourceFiles(project),
                                BranchNames::isValid));
        Path anchor = override == null ? workspace : root.folder().getParent();
        if (problems.isEmpty()) {
            Map<String, OutputTarget> byName = new HashMap<>();
            targets.forEach(target -> byName.put(target.environment(), target));
            for (Environment environment : writing) {
                OutputTarget target = byName.get(environment.name());
                problems.addAll(
                        OutputFolderInspection.inspect(
                                anchor, target.folder(), target.environment(), target.folderAt()));
            }
        }
        console.diagnostics(problems, project.workspace().allSources());
        Map<String, Path> folders = new LinkedHashMap<>();
        targets.forEach(target -> folders.put(target.environment(), target.folder()));
        return new Approval(folders, anchor, problems.stream().noneMatch(Diagnostic::isError));
    }

    private static OutputRoot rootOf(Path workspace, Settings settings, Path override) {
        if (override != null) {
            return new OutputRoot(
                    override.toAbsolutePath().normalize(),
                    Position.ofFile(SettingsLoader.COMMAND_LINE),
                    true);
        }
        Optional<Settings.Value> set = settings.get(Setting.OUTPUT);
        Position at =
                set.map(value -> SettingsLoader.positionOf(value.source()))
                        .orElse(Position.ofFile("environments.toml"));
        return new OutputRoot(workspace.resolve(settings.output()).normalize(), at, false);
    }

    private static OutputTarget targetOf(
            Project project, OutputRoot root, boolean overridden, Environment env) {
        Optional<ConfigTable> tree = project.evaluation().tree(env.name());
        Position definedAt = overridden ? root.setAt() : env.definedAt();
        boolean fromPath = !overridden && env.output().path().isPresent();
        Path folder =
                fromPath
                        ? project.root()
                                .toAbsolutePath()
                                .resolve(env.output().path().get())
                                .normalize()
                        : root.folder().resolve(env.name());
        return new OutputTarget(
                env.name(),
                folder,
                fromPath,
                fromPath ? positionOf(tree, "output.path", definedAt) : definedAt,
                env.output().remote(),
                positionOf(tree, "output.remote", env.definedAt()),
                env.output().branch(),
                positionOf(tree, "output.branch", env.definedAt()));
    }

    private static Position positionOf(
            Optional<ConfigTable> tree, String field, Position otherwise) {
        return tree.flatMap(t -> t.at(field))
                .map(ConfigValue::position)
                .filter(Position::hasLine)
                .orElse(otherwise);
    }

    /**
     * Returns the files the workspace loaded (environments.toml, its imports) and the top folder of
     * every other source, so that a source folder added to the loader is protected without a list
     * to keep in step: an output folder must hold none of them.
     */
    private static List<String> sourceFiles(Project project) {
        Set<String> files = new TreeSet<>();
        project.workspace().environments().ifPresent(file -> files.add(file.path()));
        project.workspace()
                .environmentImports()
                .values()
                .forEach(
                        imported -> {
                            if (imported instanceof ImportedFile.Loaded loaded) {
                                files.add(loaded.source().path());
                            }
                        });
        for (SourceFile source : project.workspace().allSources()) {
            int slash = source.path().indexOf('/');
            files.add(slash < 0 ? source.path() : source.path().substring(0, slash));
        }
        return List.copyOf(files);
    }
}
