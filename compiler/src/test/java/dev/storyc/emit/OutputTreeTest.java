package dev.storyc.emit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A tree is its files sorted by path, however they were handed over. */
class OutputTreeTest {
    private static Map<String, OutputFile> files(String... paths) {
        Map<String, OutputFile> files = new LinkedHashMap<>();
        for (String path : paths) {
            files.put(path, new OutputFile(path, "text of " + path + "\n"));
        }
        return files;
    }

    @Test
    void filesAreSortedByPathWhateverTheMapsOrder() {
        OutputTree unsorted = new OutputTree(files("views/b.lkml", "README.md", "views/a.lkml", "a/z"));
        OutputTree sorted = new OutputTree(new TreeMap<>(files("views/b.lkml", "README.md", "views/a.lkml", "a/z")));

        assertThat(unsorted.all()).extracting(OutputFile::path)
                .containsExactly("README.md", "a/z", "views/a.lkml", "views/b.lkml");
        assertThat(unsorted).isEqualTo(sorted).hasSameHashCodeAs(sorted);
        assertThat(unsorted.files().keySet()).containsExactly("README.md", "a/z", "views/a.lkml", "views/b.lkml");
        assertThat(unsorted.texts()).containsEntry("a/z", "text of a/z\n").hasSize(4);
    }

    @Test
    void aSortedMapWithItsOwnOrderIsSortedByPathToo() {
        TreeMap<String, OutputFile> reversed = new TreeMap<>(java.util.Comparator.reverseOrder());
        reversed.putAll(files("a", "b", "c"));

        assertThat(new OutputTree(reversed).all()).extracting(OutputFile::path).containsExactly("a", "b", "c");
    }

    @Test
    void findsAFileByPathAndNothingForAnother() {
        OutputTree tree = new OutputTree(files("a", "b/c", "d"));

        assertThat(tree.file("b/c")).hasValue(new OutputFile("b/c", "text of b/c\n"));
        assertThat(tree.file("b")).isEmpty();
        assertThat(tree.file("e")).isEmpty();
        assertThat(new OutputTree(new HashMap<>()).file("a")).isEmpty();
    }

    @Test
    void treesWithOneDifferentTextDiffer() {
        Map<String, OutputFile> changed = files("a", "b");
        changed.put("b", new OutputFile("b", "other\n"));

        assertThat(new OutputTree(files("a", "b"))).isNotEqualTo(new OutputTree(changed));
    }

    @Test
    void mapReplacesFilesAndKeepsTheirOrder() {
        OutputTree tree = new OutputTree(files("a", "b"));

        OutputTree upper = tree.map(file -> new OutputFile(file.path(), file.text().toUpperCase()));

        assertThat(upper.texts()).containsExactly(Map.entry("a", "TEXT OF A\n"), Map.entry("b", "TEXT OF B\n"));
        assertThat(tree.texts()).containsEntry("a", "text of a\n");
    }

    @Test
    void aFileKeyedOrReplacedUnderAnotherPathIsABug() {
        assertThatThrownBy(() -> new OutputTree(Map.of("a", new OutputFile("b", ""))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("`b` is keyed as `a`");
        assertThatThrownBy(() -> new OutputTree(files("a")).map(file -> new OutputFile("z", "")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("`a` was replaced by `z`");
    }
}
