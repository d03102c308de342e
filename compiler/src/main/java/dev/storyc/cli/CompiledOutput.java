package dev.storyc.cli;

import dev.storyc.config.Environment;
import dev.storyc.diag.SourceFile;
import dev.storyc.publish.OutputSnapshot;
import dev.storyc.publish.PublishException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An environment's compiled output repository as the run-time commands read it: {@code etl run},
 * {@code test} and {@code validate} act on what was compiled and committed, never on the
 * workspace's working tree, so that they test exactly what Looker and the scheduler get.
 *
 * @param display how messages name the folder, relative to the workspace when inside it
 * @param commit the output repository's head commit, recorded with every ETL run
 * @param files every file of the head commit by path, read from git objects
 */
record CompiledOutput(Path folder, String display, String commit, Map<String, String> files) {

    /** Reads the output of {@code environment}, or ends the command when there is none. */
    static CompiledOutput read(
            StorycCommand root,
            Project project,
            Environment environment,
            Path override,
            Console console) {
        Path folder = OutputFolders.reading(project, root.settings(), override, console).folder(environment);
        String display = shown(project, folder);
        requireCompiled(environment, folder, display, console);
        // Read from git objects at the branch head, never from the working tree: a hand edit or a
        // half-refreshed checkout must not change what runs against the warehouse.
        OutputSnapshot snapshot;
        try {
            snapshot =
                    OutputSnapshot.read(
                            folder, environment.output().branch(), Optional.empty(), path -> true);
        } catch (PublishException e) {
            console.failure(
                    "cannot read the output repository " + display + ": " + e.getMessage(), null);
            throw new CommandFailure(ExitCode.OPERATION_FAILED);
        }
        return new CompiledOutput(
                folder, display, snapshot.commit(), new TreeMap<>(snapshot.files()));
    }

    /** Returns how messages show an output folder: relative to the workspace when inside it. */
    static String shown(Project project, Path folder) {
        return folder.startsWith(project.root()) ? project.root().relativize(folder).toString() : folder.toString();
    }

    /**
     * Ends the command with exit 3 when the environment was never compiled into {@code folder}: the
     * same words and code from every command that reads an output repository (warehouse, etl,
     * test, validate), since they all need the same step first.
     */
    static void requireCompiled(Environment environment, Path folder, String display, Console console) {
        if (!Files.isDirectory(folder.resolve(".git"))) {
            console.failure(
                    environment.name() + " has no compiled output in " + display,
                    "compile it first: storyc compile --env " + environment.name());
            throw new CommandFailure(ExitCode.OPERATION_FAILED);
        }
    }

    /**
     * Returns the path messages show for a file of the output, such as {@code out/int/etl/a/b.sql}.
     */
    String shown(String path) {
        return display + "/" + path;
    }

    /** Returns the files under a folder, keyed by their shown paths. */
    Map<String, String> under(String prefix, String suffix) {
        Map<String, String> selected = new TreeMap<>();
        files.forEach(
                (path, text) -> {
                    if (path.startsWith(prefix) && path.endsWith(suffix)) {
                        selected.put(shown(path), text);
                    }
                });
        return selected;
    }

    /** Returns the files as sources for the diagnostic renderer's snippets. */
    List<SourceFile> sources() {
        return files.entrySet().stream()
                .map(e -> new SourceFile(shown(e.getKey()), e.getValue()))
                .toList();
    }
}
