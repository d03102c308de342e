package dev.storyc.cli;

import dev.storyc.cache.CacheKey;
import dev.storyc.cache.CacheStore;
import dev.storyc.compile.ProjectCompiler;
import dev.storyc.compile.Reuse;
import dev.storyc.config.Environment;
import dev.storyc.publish.OutputHead;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The CLI's {@link Reuse}: what {@code .storyc/cache} remembers, and for {@code compile} what the
 * output repository holds. Two facts are remembered per input fingerprint:
 *
 * <ul>
 *   <li>checked: a compile of these inputs passed every check without a diagnostic, so
 *       {@code check} need not run again;</li>
 *   <li>written: that compile left this tree at the head of this folder's branch, so
 *       {@code compile} need not run again while the head still holds exactly that tree, the
 *       repository is settled ({@link OutputHead}) and a sealed release's tag points at it.</li>
 * </ul>
 *
 * Every key also holds the compiler's build ({@link CompilerBuild}), since another build may find
 * other problems in the same inputs.
 */
final class CachedReuse implements Reuse {
    private static final String CHECKED = "checked";

    private final CacheStore store;
    private final String build;
    private final Predicate<Environment> eligible;
    private final OutputFolders.Approval folders;
    private final String salt;
    /** Whether the salt is on disk as this run's; entries are written only then. */
    private boolean saltKept;
    private boolean writable = true;

    private CachedReuse(CacheStore store, Predicate<Environment> eligible, OutputFolders.Approval folders) {
        this.store = store;
        this.build = CompilerBuild.identity();
        this.eligible = eligible;
        this.folders = folders;
        Optional<String> existing = store.salt();
        this.salt = existing.orElseGet(CacheStore::newSalt);
        this.saltKept = existing.isPresent();
    }

    /** Returns the reuse of a command that only checks the environments {@code eligible} accepts. */
    static CachedReuse checking(CacheStore store, Predicate<Environment> eligible) {
        return new CachedReuse(store, eligible, null);
    }

    /**
     * Returns the reuse of {@code compile}, which writes into the folders {@code folders} approved;
     * with {@code lookUp} false ({@code --no-cache}) it vouches for nothing but still remembers.
     */
    static CachedReuse writing(CacheStore store, OutputFolders.Approval folders, boolean lookUp) {
        return new CachedReuse(store, environment -> lookUp && folders.ok(), folders);
    }

    @Override
    public Optional<String> upToDate(Environment environment, String fingerprint, Optional<String> releaseTag) {
        if (!eligible.test(environment)) {
            return Optional.empty();
        }
        if (folders == null) {
            return store.getText(checkedKey(fingerprint)).filter(CHECKED::equals);
        }
        Path folder = folders.folder(environment);
        String branch = environment.output().branch();
        return store.getText(writtenKey(fingerprint, folder, branch))
                .flatMap(tree -> OutputHead.settledAt(folder, branch, tree, releaseTag));
    }

    @Override
    public String salt() {
        return salt;
    }

    /** Remembers every environment of {@code compiled} that compiled without a diagnostic. */
    void rememberChecked(ProjectCompiler.Compiled compiled) {
        if (!writable()) {
            return;
        }
        compiled.cleanFingerprints().values().forEach(fingerprint ->
                store.putText(checkedKey(fingerprint), CHECKED));
    }

    /** Remembers the tree the branch holds after {@code environment}'s compile was committed. */
    void rememberWritten(ProjectCompiler.Compiled compiled, Environment environment) {
        String fingerprint = compiled.cleanFingerprints().get(environment.name());
        if (fingerprint == null || folders == null || !writable()) {
            return;
        }
        Path folder = folders.folder(environment);
        String branch = environment.output().branch();
        OutputHead.treeAt(folder, branch).ifPresent(tree ->
                store.putText(writtenKey(fingerprint, folder, branch), tree));
    }

    /**
     * Returns whether this run may write entries: the salt its fingerprints used must be the
     * cache's. A cache without one gets this run's now, once something is worth remembering, so
     * a run that fails leaves no cache behind.
     */
    private synchronized boolean writable() {
        if (!saltKept) {
            saltKept = true;
            writable = store.keepSalt(salt).equals(salt);
        }
        return writable;
    }

    /** Trims the cache to its size cap; once per run, after the last entry is written. */
    void finish() {
        store.trim();
    }

    private CacheKey checkedKey(String fingerprint) {
        return CacheKey.of("environment-checked", build, fingerprint);
    }

    private CacheKey writtenKey(String fingerprint, Path folder, String branch) {
        return CacheKey.of("environment-written", build, fingerprint, folder.toAbsolutePath().normalize().toString(),
                branch);
    }
}
