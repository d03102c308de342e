package dev.storyc.cli;

import dev.storyc.config.Environment;
import dev.storyc.diag.SourceFile;
import dev.storyc.publish.OutputRepository;
import dev.storyc.publish.Progress;
import dev.storyc.publish.PublishException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * An environment's compiled output repository as the run-time commands read it: {@code etl run},
 * {@code test} and {@code validate} act on what was compiled and committed, never on the
 * workspace's working tree, so that they test exactly what Looker and the scheduler get.
 *
 * @param display how messages name the folder, relative to the workspace when inside it
 * @param commit the output repository's head commit, recorded with every ETL run
 * @param files every file of the checkout by path, except the {@code .git} folder
 */
record CompiledOutput(Path folder, String display, String commit, Map<String, String> files) {

    /** Reads the output of {@code environment}, or ends the command when there is none. */
    static CompiledOutput read(
            StorycCommand root,
            Project project,
            Environment environment,
            Path override,
            Console console) {
        Path folder =
                OutputFolders.approve(project, root.settings(), override, List.of(), console)
                        .folder(environment);
        String display =
                folder.startsWith(project.root())
                        ? project.root().relativize(folder).toString()
                        : folder.toString();
        if (!Files.isDirectory(folder.resolve(".git"))) {
            console.failure(
                    environment.name() + " has no compiled output in " + display,
                    "compile it first: storyc compile --env " + environment.name());
            throw new CommandFailure(ExitCode.PROJECT_ERRORS);
        }
        String commit;
        try (OutputRepository repository =
                OutputRepository.openExisting(
                        folder,
                        environment.output().branch(),
                        Progress.to(
                                new java.io.PrintWriter(java.io.Writer.nullWriter()),
                                Progress.Style.QUIET))) {
            commit = repository.head().orElse("");
        } catch (PublishException e) {
            console.failure(
                    "cannot read the output repository " + display + ": " + e.getMessage(), null);
            throw new CommandFailure(ExitCode.OPERATION_FAILED);
        }
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.filter(Files::isRegularFile)
                    .filter(p -> !folder.relativize(p).startsWith(".git"))
                    .forEach(
                            p ->
                                    files.put(
                                            folder.relativize(p).toString().replace('\\', '/'),
                                            read(p)));
        } catch (IOException | UncheckedIOException e) {
            console.failure(
                    "cannot read the output repository " + display + ": " + e.getMessage(), null);
            throw new CommandFailure(ExitCode.OPERATION_FAILED);
        }
        return new CompiledOutput(folder, display, commit, files);
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

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
