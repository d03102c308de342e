package dev.storyc.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A parse lives while consecutive environments use it, and no longer. */
class ParseCacheTest {
    private static final String PATH = "views/orders.view.lkml";
    private static final String VIEW = "view: orders {\n  dimension: id {}\n}\n";
    private static final String OTHER = "view: orders {\n  dimension: total {}\n}\n";

    @Test
    void aFileUnchangedFromOneEnvironmentToTheNextIsParsedOnce() {
        ParseCache cache = new ParseCache();
        cache.nextEnvironment();
        ParseCache.Lkml first = cache.lkml(PATH, VIEW);

        for (int environment = 0; environment < 5; environment++) {
            cache.nextEnvironment();
            assertThat(cache.lkml(PATH, VIEW)).isSameAs(first);
        }
        assertThat(first.model().views()).hasSize(1);
    }

    @Test
    void aFileOnlyAnOlderEnvironmentUsedIsParsedAgain() {
        ParseCache cache = new ParseCache();
        cache.nextEnvironment();
        ParseCache.Lkml first = cache.lkml(PATH, VIEW);
        cache.nextEnvironment();
        cache.lkml(PATH, OTHER);
        cache.nextEnvironment();
        cache.lkml(PATH, OTHER);

        ParseCache.Lkml again = cache.lkml(PATH, VIEW);

        assertThat(again).isNotSameAs(first).isEqualTo(first);
    }

    @Test
    void clearingDropsEveryParse() {
        ParseCache cache = new ParseCache();
        ParseCache.Lkml first = cache.lkml(PATH, VIEW);

        cache.clear();

        assertThat(cache.lkml(PATH, VIEW)).isNotSameAs(first).isEqualTo(first);
    }
}
