package dev.storyc.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The identity of the running compiler's code, mixed into every cache key: a cache entry says what
 * a compiler proved about some inputs, and another build of the code (even with the same version
 * number, as during development) may prove something else. The jar's path, size and modification
 * time stand for its content without reading it.
 *
 * <p>Code in a folder of classes (the tests, a developer's run from an IDE) stands for itself by
 * the number of its files and the newest modification time among them, found once per process:
 * with the version and path alone, a workspace checked clean by one build of the checks was still
 * clean for the next build, whatever it changed.
 */
final class CompilerBuild {
    private CompilerBuild() {}

    /** Returns the build's identity; the version alone when the code cannot be found. */
    static String identity() {
        String version = Version.number();
        try {
            Path code = codeLocation();
            if (Files.isRegularFile(code)) {
                BasicFileAttributes attributes =
                        Files.readAttributes(code, BasicFileAttributes.class);
                return version
                        + " "
                        + code.toAbsolutePath()
                        + " "
                        + attributes.size()
                        + " "
                        + attributes.lastModifiedTime().toMillis();
            }
            return version + " " + code.toAbsolutePath() + " " + ClassesFolder.STAMP;
        } catch (URISyntaxException | IOException | RuntimeException e) {
            return version;
        }
    }

    /** Returns the jar, or the folder of classes, that this class was loaded from. */
    private static Path codeLocation() throws URISyntaxException {
        return Path.of(CompilerBuild.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /**
     * Returns a folder's stamp: how many files it holds and the newest modification time among
     * them. A build that recompiles, adds or deletes a class changes it.
     */
    static String stampOf(Path folder) throws IOException {
        long[] countAndNewest = new long[2];
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                countAndNewest[0]++;
                countAndNewest[1] = Math.max(countAndNewest[1], attributes.lastModifiedTime().toMillis());
                return FileVisitResult.CONTINUE;
            }
        });
        return countAndNewest[0] + " " + countAndNewest[1];
    }

    /** The stamp of the folder of classes this class was loaded from, taken on first use. */
    private static final class ClassesFolder {
        static final String STAMP = stamp();

        private static String stamp() {
            try {
                return stampOf(codeLocation());
            } catch (URISyntaxException | IOException | RuntimeException e) {
                return "unstamped";
            }
        }
    }
}
