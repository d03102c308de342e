package dev.storyc.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

/** "cannot read `X`: X" said the path twice; the reason must be words, not the path again. */
class IoReasonTest {
    @Test
    void fileSystemExceptionsAreDescribedWithoutRepeatingThePath() {
        assertThat(WorkspaceLoader.reason(new AccessDeniedException("stories/a/story.toml")))
                .isEqualTo("permission denied");
        assertThat(WorkspaceLoader.reason(new NoSuchFileException("stories/a/story.toml"))).isEqualTo("no such file");
        assertThat(WorkspaceLoader.reason(new FileSystemException("stories/a", null, "Is a directory")))
                .isEqualTo("Is a directory");
        assertThat(WorkspaceLoader.reason(new FileSystemException("stories/a"))).isEqualTo("FileSystemException");
        assertThat(WorkspaceLoader.reason(new IOException("disk on fire"))).isEqualTo("disk on fire");
    }
}
