package dev.storyc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Another build of the code is another compiler to the cache, in a jar or in a folder. */
class CompilerBuildTest {
    @Test
    void aFolderOfClassesIsStampedByItsFilesAndTheirNewestTime(@TempDir Path classes) throws IOException {
        Path a = Files.writeString(Files.createDirectories(classes.resolve("dev/storyc")).resolve("A.class"), "a");
        Files.writeString(classes.resolve("dev/storyc/B.class"), "b");
        Files.setLastModifiedTime(a, FileTime.fromMillis(1_000_000));
        Files.setLastModifiedTime(classes.resolve("dev/storyc/B.class"), FileTime.fromMillis(2_000_000));
        String first = CompilerBuild.stampOf(classes);

        Files.setLastModifiedTime(a, FileTime.fromMillis(3_000_000));
        String recompiled = CompilerBuild.stampOf(classes);
        Files.delete(a);
        String deleted = CompilerBuild.stampOf(classes);

        assertThat(first).isEqualTo("2 2000000");
        assertThat(recompiled).isEqualTo("2 3000000");
        assertThat(deleted).isEqualTo("1 2000000");
    }

    @Test
    void theRunningBuildHasAnIdentityBeyondItsVersion() {
        assertThat(CompilerBuild.identity()).startsWith(Version.number() + " ")
                .matches(".* \\d+ \\d+$");
    }
}
