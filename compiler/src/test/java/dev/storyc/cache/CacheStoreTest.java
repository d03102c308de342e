package dev.storyc.cache;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The store's promises: whole entries or none, corrupt ones rebuilt, leftovers ignored, LRU cap.
 */
class CacheStoreTest {
    @TempDir Path temp;

    private CacheStore store(long max) {
        return new CacheStore(
                temp.resolve(".storyc/cache"), max, temp.resolve("home/.cache/storyc/salt"));
    }

    private static CacheKey key(String name) {
        return CacheKey.of("test", name);
    }

    @Test
    void storesAndReadsEntriesUnderTheirKeyAndKeepsThemOutOfGit() throws IOException {
        CacheStore store = store(1 << 20);
        assertThat(store.getText(key("a"))).isEmpty();
        assertThat(store.putText(key("a"), "first")).isTrue();
        assertThat(store.getText(key("a"))).contains("first");
        assertThat(store.getText(key("b"))).isEmpty();
        Path file =
                store.root()
                        .resolve(key("a").hex().substring(0, 2))
                        .resolve(key("a").hex().substring(2));
        assertThat(Files.readString(file)).startsWith(CacheEntry.FORMAT + " ").endsWith("\nfirst");
        assertThat(Files.readString(temp.resolve(".storyc/.gitignore"))).endsWith("*\n");
    }

    @Test
    void aCorruptEntryIsAMissAndIsRemovedSoItCanBeRebuilt() throws IOException {
        CacheStore store = store(1 << 20);
        store.putText(key("a"), "tree 1234");
        Path file = onlyEntry(store);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 1] ^= 1;
        Files.write(file, bytes);

        assertThat(store.get(key("a"))).isEmpty();
        assertThat(file).doesNotExist();
        store.putText(key("a"), "tree 1234");
        assertThat(store.getText(key("a"))).contains("tree 1234");
    }

    @Test
    @org.junit.jupiter.api.Timeout(value = 20, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
    void aNamedPipeWhereAnEntryBelongsIsAMissNotAHang() throws Exception {
        CacheStore store = store(1 << 20);
        store.putText(key("a"), "tree 1234");
        Path file = onlyEntry(store);
        Files.delete(file);
        Process mkfifo = new ProcessBuilder("mkfifo", file.toString()).inheritIO().start();
        assertThat(mkfifo.waitFor()).isZero();

        assertThat(store.get(key("a"))).isEmpty();
        assertThat(file).as("the pipe is removed, so the entry can be rebuilt").doesNotExist();
        store.putText(key("a"), "tree 1234");
        assertThat(store.getText(key("a"))).contains("tree 1234");
    }

    @Test
    void truncatedOrForeignFilesAreNeverTrusted() throws IOException {
        CacheStore store = store(1 << 20);
        store.putText(key("a"), "payload");
        Path file = onlyEntry(store);
        byte[] whole = Files.readAllBytes(file);
        for (byte[] damaged :
                List.of(
                        java.util.Arrays.copyOf(whole, whole.length - 3),
                        java.util.Arrays.copyOf(whole, 20),
                        new byte[0],
                        "storyc-cache-0 0000\npayload".getBytes(StandardCharsets.US_ASCII))) {
            Files.write(file, damaged);
            assertThat(store.get(key("a")))
                    .as(new String(damaged, StandardCharsets.UTF_8))
                    .isEmpty();
        }
    }

    @Test
    void aWriteKilledHalfwayLeavesATemporaryFileThatIsIgnoredAndLaterRemoved() throws IOException {
        CacheStore store = store(1 << 20);
        store.putText(key("a"), "whole");
        Path folder = onlyEntry(store).getParent();
        // What a kill between write and rename leaves: a partial file under a temporary name.
        Path partial = folder.resolve(CacheStore.TEMPORARY + "0123456789abcdef");
        Files.writeString(partial, CacheEntry.FORMAT + " abc");
        Path fresh = folder.resolve(CacheStore.TEMPORARY + "fedcba9876543210");
        Files.writeString(fresh, "another run's write in progress");
        Files.setLastModifiedTime(
                partial, FileTime.from(Instant.now().minus(CacheStore.ABANDONED).minusSeconds(5)));

        assertThat(store.getText(key("a"))).contains("whole");
        assertThat(store.stats().entries()).isEqualTo(1);
        assertThat(store.stats().temporary()).isEqualTo(2);
        store.trim();
        assertThat(partial).doesNotExist();
        assertThat(fresh).as("a live writer's file is left alone").exists();
        assertThat(store.getText(key("a"))).contains("whole");
    }

    @Test
    void trimmingEvictsTheLeastRecentlyUsedEntriesAboveTheCap() throws IOException {
        CacheStore sizing = store(Long.MAX_VALUE);
        sizing.putText(key("probe"), "x".repeat(100));
        long entry = sizing.stats().bytes();
        sizing.clean();
        CacheStore store = store(2 * entry);
        Instant start = Instant.now().minusSeconds(100);
        for (int i = 0; i < 3; i++) {
            store.putText(key("e" + i), String.valueOf((char) ('a' + i)).repeat(100));
            setModified(store, key("e" + i), start.plusSeconds(i * 10L));
        }
        assertThat(store.getText(key("e0"))).as("reading marks e0 as just used").isPresent();

        store.trim();

        assertThat(store.getText(key("e0"))).isPresent();
        assertThat(store.getText(key("e1"))).as("least recently used").isEmpty();
        assertThat(store.getText(key("e2"))).isPresent();
        assertThat(store.stats().bytes()).isLessThanOrEqualTo(2 * entry);
    }

    @Test
    void cleanRemovesEverythingAndStatsCountIt() throws IOException {
        CacheStore store = store(1 << 20);
        store.putText(key("a"), "1");
        store.putText(key("b"), "22");
        assertThat(store.keepSalt(CacheStore.newSalt()))
                .hasValueSatisfying(salt -> assertThat(salt).hasSize(64));
        CacheStats stats = store.stats();
        assertThat(stats.entries()).isEqualTo(2);
        assertThat(stats.bytes()).isEqualTo(2L * CacheEntry.HEADER + 3);
        assertThat(stats.maxBytes()).isEqualTo(1 << 20);

        assertThat(store.clean()).isEqualTo(2);
        assertThat(store.stats().entries()).isZero();
        assertThat(store.salt()).as("the salt is the machine's, not the cache's").isPresent();
        assertThat(store.getText(key("a"))).isEmpty();
    }

    @Test
    void cleanRemovesAFileOrALinkWhereTheCacheBelongsButNotWhatTheLinkLeadsTo() throws IOException {
        Files.createDirectories(temp.resolve(".storyc"));
        Files.writeString(temp.resolve(".storyc/cache"), "x");
        CacheStore store = store(1 << 20);
        assertThat(store.clean()).isEqualTo(1);
        assertThat(temp.resolve(".storyc/cache")).doesNotExist();
        assertThat(store.putText(key("a"), "1")).as("the cache works again").isTrue();

        store.clean();
        Files.delete(temp.resolve(".storyc/cache"));
        Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
        Path kept = Files.writeString(elsewhere.resolve("kept"), "y");
        Files.createSymbolicLink(temp.resolve(".storyc/cache"), elsewhere);
        assertThat(store.clean()).isEqualTo(1);
        assertThat(temp.resolve(".storyc/cache")).doesNotExist();
        assertThat(kept).hasContent("y");
    }

    @Test
    void theFirstSaltKeptWinsARace() {
        CacheStore store = store(1 << 20);
        assertThat(store.salt()).isEmpty();
        String first = CacheStore.newSalt();
        String second = CacheStore.newSalt();
        assertThat(first).isNotEqualTo(second).matches("[0-9a-f]{64}");
        assertThat(store.keepSalt(first)).contains(first);
        assertThat(store.keepSalt(second)).contains(first);
        assertThat(store.salt()).contains(first);
    }

    @Test
    void aCacheFolderThatIsALinkIsNeitherReadNorWritten() throws IOException {
        Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
        Files.createDirectories(temp.resolve(".storyc"));
        Files.createSymbolicLink(temp.resolve(".storyc/cache"), elsewhere);
        CacheStore store = store(1 << 20);

        assertThat(store.putText(key("a"), "planted")).isFalse();
        try (Stream<Path> files = Files.walk(elsewhere)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
        Path planted = elsewhere.resolve(key("a").relativePath());
        Files.createDirectories(planted.getParent());
        Files.write(planted, CacheEntry.seal(key("a"), "planted".getBytes(StandardCharsets.UTF_8)));
        assertThat(store.getText(key("a"))).isEmpty();
    }

    @Test
    void aSaltThatCannotBeKeptIsNoSalt() throws IOException {
        Path file = Files.writeString(temp.resolve("not-a-folder"), "x");
        CacheStore store = new CacheStore(temp.resolve(".storyc/cache"), 1 << 20,
                file.resolve("storyc/salt"));
        assertThat(store.keepSalt(CacheStore.newSalt())).isEmpty();
        assertThat(store.salt()).isEmpty();
    }

    @Test
    void concurrentWritersOfOneKeyNeverLetAReaderSeeAPartialEntry() throws Exception {
        CacheStore store = store(1 << 30);
        String big = "y".repeat(200_000);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> writes = new ArrayList<>();
            List<Future<Optional<String>>> reads = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                writes.add(pool.submit(() -> store.putText(key("shared"), big)));
                reads.add(pool.submit(() -> store.getText(key("shared"))));
            }
            for (Future<Boolean> write : writes) {
                assertThat(write.get()).isTrue();
            }
            for (Future<Optional<String>> read : reads) {
                read.get().ifPresent(text -> assertThat(text).isEqualTo(big));
            }
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        }
        assertThat(store.getText(key("shared"))).contains(big);
        assertThat(store.stats().temporary()).isZero();
    }

    private static void setModified(CacheStore store, CacheKey key, Instant when)
            throws IOException {
        Files.setLastModifiedTime(store.root().resolve(key.relativePath()), FileTime.from(when));
    }

    private static Path onlyEntry(CacheStore store) throws IOException {
        try (Stream<Path> files = Files.walk(store.root())) {
            List<Path> entries =
                    files.filter(Files::isRegularFile)
                            .filter(f -> f.getParent().getFileName().toString().length() == 2)
                            .toList();
            assertThat(entries).hasSize(1);
            return entries.get(0);
        }
    }
}
