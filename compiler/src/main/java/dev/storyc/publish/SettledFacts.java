package dev.storyc.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.Constants;

/**
 * What a compile with nothing to do checks about an output repository, read as a handful of plain
 * files without opening it (opening a repository costs more than the whole check): the repository
 * is storyc's and settled (as {@link OutputHead} requires), the branch's head commit and the
 * release tag's, as their loose ref files hold them, whether it keeps an index, and the stamp of
 * its config, which says whether it is bare. Two equal facts mean the same head, the same tag and
 * the same layout, in the same real folder. A repository whose refs are packed (after {@code git
 * gc}, say) has no facts: the caller then takes the full path, which reads packed refs too.
 */
public final class SettledFacts {
    private SettledFacts() {}

    /**
     * Returns the facts of the repository in {@code directory}, or empty when it is unsettled or
     * does not keep a working tree (an index) exactly when {@code workingTree} asks for one: a
     * layout switch that could not finish (another process held the index) is the full path's to
     * retry.
     */
    public static Optional<String> of(Path directory, String branch, Optional<String> tag,
            boolean workingTree) {
        Path gitDir = directory.resolve(Constants.DOT_GIT);
        boolean indexed = Files.exists(gitDir.resolve("index"), LinkOption.NOFOLLOW_LINKS);
        if (!settled(gitDir, branch) || indexed != workingTree) {
            return Optional.empty();
        }
        try {
            Optional<String> head = looseRef(gitDir.resolve(Constants.R_HEADS + branch));
            Optional<String> tagged = tag.isEmpty() ? Optional.of("none")
                    : releaseTags(gitDir.resolve(Constants.R_TAGS + tag.get()));
            if (head.isEmpty() || tagged.isEmpty()) {
                return Optional.empty();
            }
            // Where the folder really is: moved behind a link, it is the full path's to inspect.
            return Optional.of("head " + head.get() + "\ntag " + tagged.get()
                    + "\nindex " + indexed
                    + "\nconfig " + stamp(gitDir.resolve(Constants.CONFIG))
                    + "\nreal " + directory.toRealPath());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Returns the head commit that {@code facts} (from {@link #of}) names. */
    public static String headOf(String facts) {
        return facts.substring("head ".length(), facts.indexOf('\n'));
    }

    /**
     * Returns true when the repository in {@code gitDir} is storyc's and no write is under way or
     * was cut short: marked, no interrupted refresh, no held branch lock, no writer registered.
     */
    static boolean settled(Path gitDir, String branch) {
        return Files.isDirectory(gitDir, LinkOption.NOFOLLOW_LINKS)
                && OwnershipMarker.isMarked(gitDir)
                && !Files.exists(gitDir.resolve(WorkingTree.REFRESH_PENDING),
                        LinkOption.NOFOLLOW_LINKS)
                && !Files.exists(gitDir.resolve(Constants.R_HEADS + branch + ".lock"),
                        LinkOption.NOFOLLOW_LINKS)
                && !anyWriter(gitDir);
    }

    /** Returns a loose ref's commit id, or empty when the ref is not a loose file. */
    /**
     * Returns the loose tags of a release ({@code release/<name>}, {@code release/<name>+2}, ...),
     * each with its commit: a tag added or deleted changes the facts. Empty when there are none,
     * or one is packed, which the full path then reads.
     */
    private static Optional<String> releaseTags(Path first) throws IOException {
        String name = first.getFileName().toString();
        List<String> tags = new ArrayList<>();
        try (var entries = Files.list(first.getParent())) {
            for (Path entry : entries.sorted().toList()) {
                String tag = entry.getFileName().toString();
                if (ReleaseTags.inFamily(tag, name)) {
                    Optional<String> commit = looseRef(entry);
                    if (commit.isEmpty()) {
                        return Optional.empty();
                    }
                    tags.add(tag + "=" + commit.get());
                }
            }
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        return tags.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", tags));
    }

    private static Optional<String> looseRef(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        return text.matches("[0-9a-f]{40}") ? Optional.of(text) : Optional.empty();
    }

    private static String stamp(Path file) throws IOException {
        BasicFileAttributes attributes =
                Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        return attributes.size() + " " + attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS)
                + " " + attributes.fileKey();
    }

    /** Returns true when a storyc process is registered as writing, or was killed while it did. */
    private static boolean anyWriter(Path gitDir) {
        Path writers = gitDir.resolve(Writers.FOLDER);
        if (!Files.isDirectory(writers, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(writers)) {
            return entries.findAny().isPresent();
        } catch (IOException e) {
            return true;
        }
    }
}
