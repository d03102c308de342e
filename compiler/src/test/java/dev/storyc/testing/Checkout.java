package dev.storyc.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Finds the checkout's root (the example workspace) and copies workspaces for tests to change. */
public final class Checkout {
    private Checkout() {}

    /** Returns the root of the checkout: surefire passes it; IDEs run from a module folder. */
    public static Path root() {
        String property = System.getProperty("storyc.root");
        if (property != null && Files.isRegularFile(Path.of(property, "environments.toml"))) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("environments.toml")) && Files.isDirectory(p.resolve("stories"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the checkout root from " + here);
    }

    /**
     * Copies the example workspace (environments, stories, releases, partials, seed data) into {@code target}
     * and makes it a git repository that borrows the checkout's objects, so that the trees a sealed
     * release pins are there, as they are in a user's clone.
     */
    public static Path copyExampleWorkspace(Path target) {
        Path root = root();
        for (String entry : List.of("environments.toml", "stories", "releases", "partials", "model",
                "storyc.toml", "seed")) {
            Path source = root.resolve(entry);
            if (Files.exists(source)) {
                copy(source, target.resolve(entry));
            }
        }
        GitCli.git(target, "init", "-q");
        String objects = GitCli.git(root, "rev-parse", "--path-format=absolute", "--git-common-dir") + "/objects";
        write(target.resolve(".git/objects/info/alternates"), objects + "\n");
        return target;
    }

    /** Copies a file or a folder tree. */
    public static void copy(Path source, Path target) {
        try {
            if (Files.isRegularFile(source)) {
                Files.createDirectories(target.getParent());
                Files.copy(source, target);
                return;
            }
            Files.walkFileTree(source, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    Files.createDirectories(target.resolve(source.relativize(dir).toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.copy(file, target.resolve(source.relativize(file).toString()));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a folder tree, as a test's scratch folder is removed after its last case. */
    public static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a text file, creating folders. */
    public static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a text file. */
    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
