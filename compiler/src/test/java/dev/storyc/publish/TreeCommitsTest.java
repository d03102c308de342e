package dev.storyc.publish;

import static dev.storyc.testing.GitCli.git;
import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.emit.OutputFile;
import dev.storyc.emit.OutputTree;
import java.nio.file.Path;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishing writes only the objects a repository lacks, and ids git itself computes. */
class TreeCommitsTest {
    @TempDir Path temp;

    @Test
    void aFirstCommitIsOnePackAndAnEditWritesOnlyItsOwnObjects() throws Exception {
        Path folder = temp.resolve("out");
        try (OutputRepository repository = OutputRepository.openOrCreate(folder, "main")) {
            PublishResult first = repository.publish(tree(200, -1), "first\n");
            assertThat(first).isInstanceOf(PublishResult.Committed.class);
            assertThat(looseObjects(folder)).isZero();

            PublishResult second = repository.publish(tree(200, 7), "second\n");

            assertThat(second).isInstanceOf(PublishResult.Committed.class);
            // The edited blob, its folder's tree, views/, the root tree and the commit.
            assertThat(looseObjects(folder)).isEqualTo(5);
            assertThat(second.tree()).isEqualTo(git(folder, "rev-parse", "main^{tree}"));
        }
        assertThat(git(folder, "fsck", "--strict", "--no-progress")).doesNotContain("error");
        assertThat(git(folder, "hash-object", "views/s7/f7.view.lkml"))
                .isEqualTo(git(folder, "rev-parse", "main:views/s7/f7.view.lkml"));
        assertThat(git(folder, "status", "--porcelain")).isEmpty();
    }

    @Test
    void theSameTreeInABareRepositoryHasTheSameId() throws Exception {
        PublishResult full;
        try (OutputRepository repository =
                OutputRepository.openOrCreate(temp.resolve("full"), "main")) {
            full = repository.publish(tree(80, 3), "x\n");
        }
        try (OutputRepository repository = OutputRepository.openOrCreate(
                temp.resolve("bare"), "main", Progress.silent(), false)) {
            assertThat(repository.hasWorkingTree()).isFalse();
            assertThat(repository.publish(tree(80, 3), "x\n").tree()).isEqualTo(full.tree());
        }
    }

    /** {@code files} LookML-like files, one per folder; file {@code edited} says so. */
    private static OutputTree tree(int files, int edited) {
        TreeMap<String, OutputFile> tree = new TreeMap<>();
        for (int i = 0; i < files; i++) {
            String path = "views/s" + i + "/f" + i + ".view.lkml";
            String text = "view: v" + i + " {\n  sql_table_name: t" + i + " ;;\n}\n"
                    + (i == edited ? "# edited\n" : "");
            tree.put(path, new OutputFile(path, text));
        }
        return new OutputTree(tree);
    }

    private static int looseObjects(Path folder) {
        String count = git(folder, "count-objects", "-v").lines()
                .filter(line -> line.startsWith("count: ")).findFirst().orElseThrow();
        return Integer.parseInt(count.substring("count: ".length()));
    }
}
