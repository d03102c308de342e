package dev.storyc.cli;

import dev.storyc.cache.CacheStats;
import dev.storyc.cache.CacheStore;
import dev.storyc.diag.Json;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code storyc cache}: look at or empty the workspace's cache, {@code .storyc/cache}. */
@Command(
        name = "cache",
        mixinStandardHelpOptions = true,
        description = {
            "Inspect or empty the workspace's cache (.storyc/cache, ignored by git).",
            "The cache remembers which environments' inputs already compiled and checked clean, so"
                + " that compile and check skip them, and what runs derived from files that have not"
                + " changed since (story tree ids, story manifests, dashboards' parses, schedules),"
                + " so that they are not derived again; it is never needed, and entries are"
                + " checksummed: a damaged one is recompiled, never trusted. Its size is capped by"
                + " the cache.max_size setting (default 512MB); the least recently used entries go"
                + " first."
        },
        subcommands = {CacheCommand.Clean.class, CacheCommand.Stats.class})
final class CacheCommand extends CommandGroup {
    /** {@code storyc cache clean}. */
    @Command(
            name = "clean",
            mixinStandardHelpOptions = true,
            description =
                    "Remove every cache entry; the next compile and check do all their work again.")
    static final class Clean implements Callable<Integer> {
        @ParentCommand CacheCommand cache;

        @Override
        public Integer call() {
            Console console = cache.root.console();
            CacheStore store = cache.store();
            try {
                long removed = store.clean();
                console.result(
                        "removed "
                                + removed
                                + " file"
                                + (removed == 1 ? "" : "s")
                                + " from "
                                + store.root());
                return ExitCode.OK;
            } catch (IOException e) {
                console.failure(
                        "cannot empty the cache " + store.root() + ": " + e.getMessage(),
                        "check the folder's permissions, or remove it by hand: nothing else depends"
                            + " on it");
                return ExitCode.OPERATION_FAILED;
            }
        }
    }

    /** {@code storyc cache stats}. */
    @Command(
            name = "stats",
            mixinStandardHelpOptions = true,
            description = "Show how many entries the cache holds and their size on disk.")
    static final class Stats implements Callable<Integer> {
        @ParentCommand CacheCommand cache;

        @Mixin ListingFormatOption output;

        @Override
        public Integer call() {
            Console console = output.console(cache.root);
            CacheStore store = cache.store();
            CacheStats stats;
            try {
                stats = store.stats();
            } catch (IOException e) {
                console.failure(
                        "cannot read the cache " + store.root() + ": " + e.getMessage(),
                        "check the folder's permissions");
                return ExitCode.OPERATION_FAILED;
            }
            if (output.json()) {
                Map<String, Object> document = new LinkedHashMap<>();
                document.put("schema", "storyc.cache-stats/1");
                document.put("root", stats.root());
                document.put("entries", stats.entries());
                document.put("bytes", stats.bytes());
                document.put("max_bytes", stats.maxBytes());
                document.put("temporary_files", stats.temporary());
                console.out().println(Json.write(document, Json.Layout.ALL, Json.Escaping.CONTROL));
                return ExitCode.OK;
            }
            console.out().printf("cache      %s%n", stats.root());
            console.out().printf("entries    %d%n", stats.entries());
            console.out().printf("size       %d bytes (cap %d)%n", stats.bytes(), stats.maxBytes());
            if (stats.temporary() > 0) {
                console.out()
                        .printf(
                                "leftovers  %d temporary file%s of interrupted writes%n",
                                stats.temporary(), stats.temporary() == 1 ? "" : "s");
            }
            return ExitCode.OK;
        }
    }

    /** Returns the cache of the workspace the global options name. */
    CacheStore store() {
        return WorkspaceCache.of(root.projectRoot(), root.settings(), root.processLookup());
    }
}
