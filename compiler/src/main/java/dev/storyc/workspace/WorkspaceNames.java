package dev.storyc.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The story ids and release names of a workspace, read from its folder listings alone: shell
 * completion offers them at every Tab, so it must not read a thousand stories' files to find them.
 * A name is listed when the loader would look at it; whether what it names is valid is for the
 * command the user then runs.
 */
public final class WorkspaceNames {
    private WorkspaceNames() {}

    /** Returns the valid story ids among the folders of {@code stories/}, in order; none if unreadable. */
    public static List<String> stories(Path root) {
        return list(root.resolve("stories"))
                .filter(path -> Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS))
                .map(path -> path.getFileName().toString())
                .filter(StoryId::isValid)
                .sorted()
                .toList();
    }

    /** Returns the names of the {@code releases/*.toml} files, in order; none if unreadable. */
    public static List<String> releases(Path root) {
        return list(root.resolve("releases"))
                .filter(path -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS))
                .map(path -> path.getFileName().toString())
                .filter(name -> name.endsWith(".toml") && !name.startsWith("."))
                .map(name -> name.substring(0, name.length() - ".toml".length()))
                .sorted()
                .toList();
    }

    private static Stream<Path> list(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.toList().stream();
        } catch (IOException e) {
            // No folder, or one that cannot be read: there is nothing to offer, and nothing to report
            // from inside a shell's completion.
            return Stream.empty();
        }
    }
}
