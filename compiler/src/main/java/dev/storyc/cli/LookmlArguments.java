package dev.storyc.cli;

import dev.storyc.lookml.Lookml;
import dev.storyc.workspace.FileReads;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files {@code storyc lookml check} reads for its arguments: a file as named, a folder as
 * every LookML file under it, as linters take {@code views/}. A named file whose name says it is
 * not LookML is a slip of the shell's glob (a README beside the views), so it is refused before
 * anything is read, rather than parsed into errors that blame its text.
 */
final class LookmlArguments {
    private LookmlArguments() {}

    /** Returns true for a name LookML files have: {@code .lkml}, or a dashboard's {@code .lookml}. */
    static boolean isLookmlName(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        return name.endsWith(".lkml") || Lookml.isDashboard(name);
    }

    /**
     * Returns the files to check, folders expanded in name order with hidden folders (such as
     * {@code .git}) skipped, or prints what is wrong and ends the command with exit 2, as for a
     * path that does not exist: a mistyped argument is the caller's mistake, not an operation that
     * failed, and is refused before anything is read, as a folder without LookML is.
     */
    static List<Path> expand(List<Path> arguments, Console console) {
        List<Path> files = new ArrayList<>();
        for (Path argument : arguments) {
            if (Files.isDirectory(argument)) {
                List<Path> found = under(argument, console);
                if (found.isEmpty()) {
                    console.failure("`" + argument + "` holds no LookML file (.lkml or .dashboard.lookml)",
                            "name a folder of views, models or dashboards, or the files themselves");
                    throw new CommandFailure(ExitCode.USAGE);
                }
                files.addAll(found);
            } else {
                files.add(requireLookmlName(argument, console));
            }
        }
        return files;
    }

    /** Returns the file when it exists and its name is a LookML file's; else ends with exit 2. */
    static Path requireLookmlName(Path file, Console console) {
        if (!Files.exists(file)) {
            console.failure("`" + file + "` does not exist", "check the path; nothing was checked");
            throw new CommandFailure(ExitCode.USAGE);
        }
        if (Files.exists(file) && !isLookmlName(file)) {
            console.failure("`" + file + "` is not a LookML file: its name ends neither in .lkml nor in"
                    + " .dashboard.lookml", "leave it out, or rename it if it holds LookML");
            throw new CommandFailure(ExitCode.USAGE);
        }
        return file;
    }

    private static List<Path> under(Path folder, Console console) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(path -> !hidden(folder, path))
                    .filter(path -> Files.isRegularFile(path) && isLookmlName(path))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return unreadable(folder, e, console);
        } catch (UncheckedIOException e) {
            return unreadable(folder, e.getCause(), console);
        }
    }

    private static List<Path> unreadable(Path folder, IOException e, Console console) {
        console.failure("cannot read the folder `" + folder + "`: " + FileReads.reason(e), "check the path");
        throw new CommandFailure(ExitCode.OPERATION_FAILED);
    }

    /** Returns true when a name below {@code folder} on the way to {@code path} starts with a dot. */
    private static boolean hidden(Path folder, Path path) {
        for (Path part : folder.relativize(path)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
