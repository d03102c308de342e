package dev.storyc.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link WorkspaceLoader#reason}: the words a user reads after "cannot read" or "cannot write". The
 * JDK leaves the message of several file-system exceptions empty, and a class name such as
 * {@code FileAlreadyExistsException} once reached users in its place.
 */
class IoReasonTest {
    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(new AccessDeniedException("/w/a.toml"), "permission denied"),
                Arguments.of(new NoSuchFileException("/w/a.toml"), "no such file"),
                Arguments.of(new FileAlreadyExistsException("/w/link"),
                        "`/w/link` is in the way: it exists, as a file or as a link to something missing"),
                Arguments.of(new NotDirectoryException("/w/stories"), "`/w/stories` is not a folder"),
                Arguments.of(new FileSystemLoopException("/w/loop"), "the links at `/w/loop` form a loop"),
                Arguments.of(new FileSystemException("/w/a.toml", null, "File name too long"), "File name too long"),
                Arguments.of(new FileSystemException("/w/a.toml"), "the file system refused it"),
                Arguments.of(new IOException("No space left on device"), "No space left on device"),
                Arguments.of(new IOException(), "an input or output error"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void saysWhatFailedInWordsNeverAsAClassName(IOException failure, String reason) {
        assertThat(FileReads.reason(failure)).isEqualTo(reason).doesNotContain("Exception");
    }
}
