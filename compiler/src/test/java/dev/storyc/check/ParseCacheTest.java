package dev.storyc.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.lookml.dashboard.ParsedDashboards;
import dev.storyc.lookml.dashboard.ParsedDashboardsCodec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** A parse lives while consecutive environments use it, and no longer, and jobs share it. */
class ParseCacheTest {
    private static final String PATH = "views/orders.view.lkml";
    private static final String VIEW = "view: orders {\n  dimension: id {}\n}\n";
    private static final String OTHER = "view: orders {\n  dimension: total {}\n}\n";

    @Test
    void aFileUnchangedFromOneEnvironmentToTheNextIsParsedOnce() {
        ParseCache cache = new ParseCache();
        ParseCache.Lkml first;
        try (ParseCache.Lookups lookups = cache.begin()) {
            first = lookups.lkml(PATH, VIEW);
        }

        for (int environment = 0; environment < 5; environment++) {
            try (ParseCache.Lookups lookups = cache.begin()) {
                assertThat(lookups.lkml(PATH, VIEW)).isSameAs(first);
            }
        }
        assertThat(first.model().views()).hasSize(1);
    }

    @Test
    void environmentsWithTheSameSchemaScriptsShareOneCatalogAndOthersGetTheirOwn() {
        ParseCache cache = new ParseCache();
        List<ColumnCatalog.Script> scripts = List.of(
                new ColumnCatalog.Script("a", "a/deploy.sql", "CREATE TABLE s.a (id INT, name TEXT);"),
                new ColumnCatalog.Script("b", "b/deploy.sql", "ALTER TABLE s.a ADD COLUMN total INT;"));
        List<ColumnCatalog.Script> sameAgain = List.of(
                new ColumnCatalog.Script("a", "a/deploy.sql", new String("CREATE TABLE s.a (id INT, name TEXT);")),
                scripts.get(1));
        ColumnTables first;
        ColumnTables second;
        ColumnTables withoutB;
        try (ParseCache.Lookups lookups = cache.begin()) {
            first = lookups.columns(scripts);
        }
        try (ParseCache.Lookups lookups = cache.begin()) {
            second = lookups.columns(sameAgain);
            withoutB = lookups.columns(scripts.subList(0, 1));
        }

        assertThat(second).isSameAs(first);
        assertThat(first.lookup(TableName.parse("s.a").orElseThrow()).orElseThrow().names())
                .containsExactly("id", "name", "total");
        assertThat(withoutB).isNotSameAs(first);
        assertThat(withoutB.lookup(TableName.parse("s.a").orElseThrow()).orElseThrow().names())
                .containsExactly("id", "name");
    }

    @Test
    void aRevertScriptIsReadForWhatItDrops() {
        try (ParseCache.Lookups lookups = new ParseCache().begin()) {
            RevertScripts.Drops drops = lookups.revert("revert.sql",
                    "-- undo\nDROP VIEW IF EXISTS s.a_daily, s.b; DELETE FROM s.c; DROP TABLE s.a;");
            RevertScripts.Drops none = lookups.revert("empty.sql", "-- nothing\n  \n");

            assertThat(drops.empty()).isFalse();
            assertThat(drops.dropped()).extracting(TableName::toString).containsExactly("s.a_daily", "s.b", "s.a");
            assertThat(none.empty()).isTrue();
            assertThat(none.dropped()).isEmpty();
        }
    }

    @Test
    void aFileOnlyAnOlderEnvironmentUsedIsParsedAgain() {
        ParseCache cache = new ParseCache();
        ParseCache.Lkml first = lkmlIn(cache, VIEW);
        lkmlIn(cache, OTHER);
        lkmlIn(cache, OTHER);

        ParseCache.Lkml again = lkmlIn(cache, VIEW);

        assertThat(again).isNotSameAs(first).isEqualTo(first);
    }

    @Test
    void anEnvironmentStillRunningKeepsWhatItsPredecessorUsed() {
        ParseCache cache = new ParseCache();
        ParseCache.Lkml first = lkmlIn(cache, VIEW);
        // The next environment is slow: another job checks two more while it runs.
        try (ParseCache.Lookups slow = cache.begin()) {
            lkmlIn(cache, OTHER);
            lkmlIn(cache, OTHER);

            assertThat(slow.lkml(PATH, VIEW)).isSameAs(first);
        }
    }

    @Test
    void clearingDropsEveryParse() {
        ParseCache cache = new ParseCache();
        ParseCache.Lkml first = lkmlIn(cache, VIEW);

        cache.clear();

        assertThat(lkmlIn(cache, VIEW)).isNotSameAs(first).isEqualTo(first);
    }

    @Test
    void twoJobsAskingForOneTextAtOnceParseItOnce() throws Exception {
        ParseCache cache = new ParseCache();
        AtomicInteger parses = new AtomicInteger();
        CountDownLatch bothAsking = new CountDownLatch(2);
        Function<String, Set<String>> slowTokenizer = text -> {
            parses.incrementAndGet();
            sleep(100);
            return Set.of(text.split("\\s+"));
        };
        ExecutorService jobs = Executors.newFixedThreadPool(2);
        try {
            List<Future<Set<String>>> answers = jobs.invokeAll(List.of(
                    () -> tokensIn(cache, bothAsking, slowTokenizer),
                    () -> tokensIn(cache, bothAsking, slowTokenizer)));

            assertThat(parses).hasValue(1);
            assertThat(answers.get(0).get()).isSameAs(answers.get(1).get())
                    .contains("orders", "dimension:");
        } finally {
            jobs.shutdown();
            assertThat(jobs.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    /** Parses {@code text} in an environment of its own. */
    private static ParseCache.Lkml lkmlIn(ParseCache cache, String text) {
        try (ParseCache.Lookups lookups = cache.begin()) {
            return lookups.lkml(PATH, text);
        }
    }

    private static Set<String> tokensIn(ParseCache cache, CountDownLatch bothAsking,
            Function<String, Set<String>> tokenizer) throws InterruptedException {
        try (ParseCache.Lookups lookups = cache.begin()) {
            bothAsking.countDown();
            assertThat(bothAsking.await(10, TimeUnit.SECONDS)).isTrue();
            return lookups.tokens(PATH, VIEW, tokenizer);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aDashboardIsRecalledFromAnEarlierRunAndParsedWhenItsEntryIsGarbled() {
        String path = "dashboards/d.dashboard.lookml";
        String text = "- dashboard: d\n  elements:\n  - name: e\n    explore: orders\n"
                + "    fields: [orders.id]\n";
        RecordingMemo memo = new RecordingMemo();
        ParsedDashboards parsed;
        try (ParseCache.Lookups lookups = new ParseCache(memo).begin()) {
            parsed = lookups.dashboard(path, text);
        }
        assertThat(memo.entries).hasSize(1);
        assertThat(parsed.dashboards()).extracting(d -> d.name()).containsExactly("d");

        // The next run: a new cache, the same memo.
        try (ParseCache.Lookups lookups = new ParseCache(memo).begin()) {
            ParsedDashboards recalled = lookups.dashboard(path, text);
            assertThat(recalled).isEqualTo(parsed).isNotSameAs(parsed);
            assertThat(lookups.dashboard("other/" + path, text).path())
                    .as("another path is another key").isEqualTo("other/" + path);
        }
        assertThat(memo.recalled).isEqualTo(1);
        assertThat(memo.entries).hasSize(2);

        memo.entries.replaceAll((key, bytes) -> new byte[] {1, 2, 3});
        try (ParseCache.Lookups lookups = new ParseCache(memo).begin()) {
            assertThat(lookups.dashboard(path, text)).isEqualTo(parsed);
        }
        assertThat(ParsedDashboardsCodec.decode(memo.entries.values().iterator().next()))
                .as("a garbled entry is parsed again and remembered anew").isPresent();
    }

    /** A memo that keeps entries in a map, as the cache would keep them on disk. */
    private static final class RecordingMemo implements ParseMemo {
        final Map<String, byte[]> entries = new LinkedHashMap<>();
        int recalled;

        @Override
        public synchronized Optional<byte[]> recall(String key) {
            Optional<byte[]> known = Optional.ofNullable(entries.get(key));
            recalled += known.isPresent() ? 1 : 0;
            return known;
        }

        @Override
        public synchronized void remember(String key, byte[] payload) {
            entries.put(key, payload);
        }
    }
}
