package dev.storyc.cli;

import dev.storyc.cache.CacheKey;
import dev.storyc.cache.CacheStore;
import dev.storyc.cache.TextFiles;
import dev.storyc.check.ParseMemo;
import dev.storyc.compile.ProjectCompiler;
import dev.storyc.compile.Reuse;
import dev.storyc.config.Environment;
import dev.storyc.emit.ContentIds;
import dev.storyc.emit.Memo;
import dev.storyc.publish.OutputHead;
import dev.storyc.workspace.StoryStamps;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;

/**
 * The CLI's {@link Reuse}: what {@code .storyc/cache} remembers, and for {@code compile} what the
 * output repository holds. Two facts are remembered per input fingerprint:
 *
 * <ul>
 *   <li>checked: a compile of these inputs passed every check without a diagnostic, so {@code
 *       check} need not run again;
 *   <li>written: that compile left this tree at the head of this folder's branch, so {@code
 *       compile} need not run again while the head still holds exactly that tree, the repository is
 *       settled ({@link OutputHead}) and a sealed release's tag points at it.
 * </ul>
 *
 * It also remembers derived files ({@link #memo}) by the digest of their inputs. Every key also
 * holds the compiler's build ({@link CompilerBuild}), since another build may find other problems
 * in the same inputs.
 */
final class CachedReuse implements Reuse {
    private static final String CHECKED = "checked";

    private final CacheStore store;
    private final String build;

    /** False for {@code --no-cache}: nothing is read from the cache, but what is proved is kept. */
    private final boolean lookUp;

    private final Predicate<Environment> eligible;
    private final OutputFolders.Approval folders;
    private final Predicate<Environment> keepsWorkingTree;
    private final String salt;

    /** Whether the salt is on disk as this run's; entries are written only then. */
    private boolean saltKept;

    /** Whether the cache had its salt before this run, so that any entry may exist. */
    private final boolean saltExisted;

    private boolean writable = true;

    /**
     * What this run will remember once it succeeds. A schedules entry waits deflated (a
     * twenty-fifth of its texts; at 5,000 stories they are 100 MB), so it neither holds a second
     * copy of the output trees' texts nor keeps them alive after the trees packed theirs.
     */
    private final Queue<Map.Entry<CacheKey, byte[]>> pending = new ConcurrentLinkedQueue<>();

    /** The story tree ids this run looked up, under their entry's key, if it did. */
    private Optional<Map.Entry<CacheKey, RememberedStoryIds>> storyIds = Optional.empty();

    private CachedReuse(
            CacheStore store,
            boolean lookUp,
            Predicate<Environment> eligible,
            OutputFolders.Approval folders,
            Predicate<Environment> keepsWorkingTree) {
        this.store = store;
        this.keepsWorkingTree = keepsWorkingTree;
        this.lookUp = lookUp;
        this.eligible = eligible;
        this.folders = folders;
        Optional<String> existing = store.salt();
        this.salt = existing.orElseGet(CacheStore::newSalt);
        this.saltKept = existing.isPresent();
        this.saltExisted = existing.isPresent();
        this.build = build(salt);
    }

    /**
     * Returns what every key of this machine's cache starts from: the compiler's build and the
     * salt, so that no entry written elsewhere (committed to the repository, restored from a CI
     * cache) can ever be taken for this machine's.
     */
    static String build(String salt) {
        return CompilerBuild.identity() + " " + salt;
    }

    /**
     * Returns the reuse of a command that only checks; it may skip the environments {@code
     * eligible} accepts, and with {@code lookUp} false ({@code --no-cache}) reads nothing.
     */
    static CachedReuse checking(CacheStore store, boolean lookUp, Predicate<Environment> eligible) {
        return new CachedReuse(store, lookUp, eligible, null, environment -> true);
    }

    /**
     * Returns the reuse of {@code compile}, which writes into the folders {@code folders} approved;
     * with {@code lookUp} false ({@code --no-cache}) it vouches for nothing but still remembers. An
     * environment is vouched for only while its repository keeps a working tree exactly when
     * {@code keepsWorkingTree} says this run wants one.
     */
    static CachedReuse writing(CacheStore store, OutputFolders.Approval folders, boolean lookUp,
            Predicate<Environment> keepsWorkingTree) {
        return new CachedReuse(store, lookUp, environment -> folders.ok(), folders,
                keepsWorkingTree);
    }

    @Override
    public Optional<String> upToDate(
            Environment environment, String fingerprint, Optional<String> releaseTag) {
        if (!lookUp || !eligible.test(environment)) {
            return Optional.empty();
        }
        if (folders == null) {
            return store.getText(checkedKey(fingerprint)).filter(CHECKED::equals);
        }
        Path folder = folders.folder(environment);
        String branch = environment.output().branch();
        return store.getText(writtenKey(fingerprint, folder, branch))
                .flatMap(tree -> OutputHead.settledAt(folder, branch, tree, releaseTag,
                        keepsWorkingTree.test(environment)));
    }

    @Override
    public String salt() {
        return salt;
    }

    /**
     * Remembers derived files (schedules) in the cache. New entries wait in memory until the run is
     * known to succeed ({@link #commit}), so a failed run leaves the cache as it was.
     */
    @Override
    public Memo memo() {
        return (key, derive) -> {
            CacheKey cacheKey = CacheKey.of("derived-files", build, key);
            Optional<Map<String, String>> known =
                    lookUp ? store.get(cacheKey).flatMap(TextFiles::decode) : Optional.empty();
            if (known.isPresent()) {
                return known.get();
            }
            Map<String, String> files = derive.get();
            remember(cacheKey, TextFiles.deflated(files));
            return files;
        };
    }

    /**
     * Remembers the checks' parses in the cache, by the digest of each parse's kind, path and
     * text. Like derived files, new entries wait until the run succeeds ({@link #commit}); a run
     * whose checks found problems remembers nothing, and parses those files again next time.
     */
    @Override
    public ParseMemo parses() {
        return parses;
    }

    /**
     * The run's one parse memo. The checks forget a parse once no environment in flight uses it,
     * and parse it again for a later environment (a sealed release's, say); each key is queued for
     * writing once all the same. Without that, a compile of 1,000 stories from scratch encoded and
     * wrote some dashboards a dozen times, a tenth of its time. Only the keys are kept: holding the
     * payloads to spare the few repeated reads cost 8 MB at 5,000 stories.
     */
    private final ParseMemo parses = new ParseMemo() {
        private final Set<String> remembered = ConcurrentHashMap.newKeySet();

        @Override
        public Optional<byte[]> recall(String key) {
            // Under a salt made by this run no entry can exist: a first run asks nothing.
            return lookUp && saltExisted ? store.get(parsedKey(key)) : Optional.empty();
        }

        @Override
        public void remember(String key, byte[] payload) {
            if (remembered.add(key)) {
                CachedReuse.this.remember(parsedKey(key), payload);
            }
        }
    };

    /**
     * Returns the story tree ids of {@code project}: those whose files' stamps equal an earlier
     * run's from this cache ({@link RememberedStoryIds}), the rest from {@code computed}; the ids
     * of stories with trusted stamps are remembered when the run succeeds.
     */
    ContentIds storyIds(Project project, ContentIds computed) {
        if (project.stamps() == StoryStamps.NONE) {
            return computed;
        }
        Map<String, String> earlier = lookUp
                ? store.getText(storyIdsKey(project)).map(RememberedStoryIds::decode).orElse(Map.of())
                : Map.of();
        RememberedStoryIds ids = new RememberedStoryIds(computed, project.workspace().stories(),
                project.stamps(), earlier);
        storyIds = Optional.of(Map.entry(storyIdsKey(project), ids));
        return ids;
    }

    /** Remembers every environment of {@code compiled} that compiled without a diagnostic. */
    void rememberChecked(ProjectCompiler.Compiled compiled) {
        compiled.cleanFingerprints()
                .values()
                .forEach(
                        fingerprint ->
                                remember(
                                        checkedKey(fingerprint),
                                        CHECKED.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Remembers {@code tree}, which the branch holds after {@code environment}'s compile was
     * committed (the publish reports it, so the repository is not read again).
     */
    void rememberWritten(ProjectCompiler.Compiled compiled, Environment environment, String tree) {
        String fingerprint = compiled.cleanFingerprints().get(environment.name());
        if (fingerprint == null || folders == null) {
            return;
        }
        Path folder = folders.folder(environment);
        String branch = environment.output().branch();
        remember(writtenKey(fingerprint, folder, branch), tree.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes what this run remembered and trims the cache to its size cap; called once, when the
     * command has succeeded, so that a run that fails or is refused leaves the workspace as it was.
     */
    void commit() {
        storyIds.filter(ids -> ids.getValue().changed())
                .ifPresent(ids -> remember(ids.getKey(), ids.getValue().encode()));
        if (pending.isEmpty() || !writable()) {
            return;
        }
        for (Map.Entry<CacheKey, byte[]> entry = pending.poll();
                entry != null;
                entry = pending.poll()) {
            store.put(entry.getKey(), entry.getValue());
        }
        store.trim();
    }

    private void remember(CacheKey key, byte[] payload) {
        pending.add(Map.entry(key, payload));
    }

    /**
     * Returns whether this run may write entries: the salt its fingerprints used must be the
     * cache's. A cache without one gets this run's now, once something is worth remembering, so a
     * run that fails leaves no cache behind.
     */
    private synchronized boolean writable() {
        if (!saltKept) {
            saltKept = true;
            writable = store.keepSalt(salt).filter(salt::equals).isPresent();
        }
        return writable;
    }

    private CacheKey storyIdsKey(Project project) {
        return CacheKey.of("story-tree-ids", build,
                project.root().toAbsolutePath().normalize().toString());
    }

    private CacheKey parsedKey(String key) {
        return CacheKey.of("parsed", build, key);
    }

    private CacheKey checkedKey(String fingerprint) {
        return CacheKey.of("environment-checked", build, fingerprint);
    }

    private CacheKey writtenKey(String fingerprint, Path folder, String branch) {
        return CacheKey.of(
                "environment-written",
                build,
                fingerprint,
                folder.toAbsolutePath().normalize().toString(),
                branch);
    }
}
