package dev.storyc.cli;

import dev.storyc.cache.CacheKey;
import dev.storyc.cache.CacheStore;
import dev.storyc.cache.CleanRun;
import dev.storyc.compile.OutputCommit;
import dev.storyc.config.Environment;
import dev.storyc.diag.Position;
import dev.storyc.publish.OutputFolderInspection;
import dev.storyc.publish.SettledFacts;
import dev.storyc.release.Selection;
import dev.storyc.workspace.InputStamps;
import dev.storyc.workspace.StampWalk;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A {@code compile} or {@code check} with nothing to do, answered without loading the workspace. A
 * run that reported nothing remembers what it read, as stamps of the input files and a digest of
 * the process values it read, and, after a compile, what each output repository held afterwards,
 * as its {@link SettledFacts}. The next run with the same command, options, settings and build
 * takes the stamps again (a stat per file, no read), inspects each output folder again as the full
 * path would ({@link OutputFolderInspection}: links, a repository around it, its owner) and reads
 * each repository's facts; when all are equal and the folders still pass, it prints the report the
 * full path would print (every environment unchanged or ok) and ends. Anything unequal, untrusted
 * or unreadable sends the run down the full path, which loads, fingerprints and repairs as before,
 * and which remembers again once it reports nothing.
 *
 * <p>It is exact where {@link CachedReuse} is: equal stamps mean equal input bytes (see {@link
 * InputStamps} and {@link CleanRun#trusted}), equal process values and settings mean an equal
 * evaluation, and equal facts mean the repository holds the commit that compile left there. With
 * {@code --verbose} it stands aside, since the full path prints what it loaded.
 */
final class NoOpShortcut {
    private final CacheStore store;
    private final Path root;
    private final ProcessReads reads;
    private final String options;
    private final Report report;
    private final long clockMillis;
    private StampWalk walk;

    /**
     * Returns the shortcut of one run, started now.
     *
     * @param options the command, and everything on its command line and in the settings that can
     *     change what the run compiles or where it writes, as one canonical text
     * @param report prints what the full path prints when every environment is as remembered
     */
    NoOpShortcut(CacheStore store, Path root, ProcessReads reads, String options, Report report) {
        this.store = store;
        this.root = root;
        this.reads = reads;
        this.options = options;
        this.report = report;
        this.clockMillis = System.currentTimeMillis();
    }

    /**
     * Answers the run from the earlier one when nothing changed since ({@link #replayed}), unless
     * the run asked for {@code --no-cache} or {@code --verbose}; otherwise starts the walk that the
     * full path remembers its run with. Returns true when the run is answered.
     *
     * @param requireVersion ends the command when the workspace requires another storyc, which a
     *     replay must check as the full path does
     */
    boolean answers(Console console, boolean noCache, Runnable requireVersion) {
        if (!noCache && !console.verbose()) {
            requireVersion.run();
            if (replayed(console)) {
                return true;
            }
        }
        if (!console.verbose()) {
            startWalking();
        }
        return false;
    }

    /**
     * Prints the report of the earlier run and returns true when nothing changed since; else
     * returns false, having printed nothing.
     */
    private boolean replayed(Console console) {
        Optional<String> salt = store.salt();
        if (salt.isEmpty()) {
            return false;
        }
        startWalking();
        Optional<CleanRun> earlier =
                store.get(key(salt.get())).flatMap(CleanRun::decode).filter(CleanRun::trusted);
        if (earlier.isEmpty()
                || !reads.digest(earlier.get().reads(), salt.get())
                        .equals(earlier.get().readsDigest())
                || !outputsSettled(earlier.get())) {
            return false;
        }
        Optional<InputStamps> stamps = walk.finish(earlier.get().imports());
        if (stamps.isEmpty() || !stamps.get().digest().equals(earlier.get().stamps())) {
            return false;
        }
        report.print(console, earlier.get().outputs());
        return true;
    }

    /** How a command reports a run in which nothing changed; see {@link #replayed}. */
    @FunctionalInterface
    interface Report {
        /** Prints the report of a run that left {@code outputs} (in the order selected) as they are. */
        void print(Console console, List<CleanRun.Output> outputs);
    }

    /**
     * Starts stamping the inputs on a second thread, if not started yet. The walk is most of what
     * the shortcut costs, so it runs while the cache entry is read and the repositories looked at,
     * or, on the full path, while the workspace loads on one thread; {@link #remember} uses it.
     */
    private void startWalking() {
        if (walk == null) {
            walk = StampWalk.begin(root);
        }
    }

    /**
     * Returns true when every output folder still passes the disk's half of the placement rules, as
     * the full path would inspect it, and every repository a compile left holds what it left there.
     * The inspection is repeated, not remembered: a {@code git init} in a folder above an output
     * changes no stamp or fact the run keeps, yet makes the full path refuse.
     */
    private static boolean outputsSettled(CleanRun earlier) {
        for (CleanRun.Output output : earlier.outputs()) {
            Path folder = Path.of(output.folder());
            if (!OutputFolderInspection.inspect(Path.of(output.anchor()), folder,
                    output.environment(), Position.ofFile(output.folder())).isEmpty()) {
                return false;
            }
            if (output.facts().isPresent() && !SettledFacts.of(folder, output.branch(),
                    output.tag(), output.workingTree()).equals(output.facts())) {
                return false;
            }
        }
        return true;
    }

    /**
     * One environment as a successful run left it: its selection and, after a compile, its
     * branch's head.
     *
     * @param anchor where the inspection of {@code folder} starts ({@link OutputFolders.Approval})
     * @param commit the head the compile left, or empty after a check, which writes nothing
     */
    record Left(Environment environment, Path folder, Path anchor, boolean workingTree,
            Selection selection, Optional<String> commit) {}

    /**
     * Remembers this run, which reported nothing and left {@code left} (every selected
     * environment, in order), when the cache is this machine's under {@code salt} and every
     * repository's facts still name the commit this run left there.
     *
     * @param imports environments.toml's imports, read by this run
     */
    void remember(List<Left> left, List<String> imports, String salt) {
        if (!store.salt().equals(Optional.of(salt))) {
            return;
        }
        List<CleanRun.Output> outputs = new ArrayList<>();
        for (Left one : left) {
            String branch = one.environment().output().branch();
            Optional<String> tag = OutputCommit.tagOf(one.selection());
            Optional<String> facts = Optional.empty();
            if (one.commit().isPresent()) {
                facts = SettledFacts.of(one.folder(), branch, tag, one.workingTree());
                if (facts.isEmpty()
                        || !SettledFacts.headOf(facts.get()).equals(one.commit().get())) {
                    return;
                }
            }
            outputs.add(new CleanRun.Output(one.environment().name(), one.folder().toString(),
                    one.anchor().toString(), branch, tag, one.workingTree(), facts,
                    one.selection().releaseName(), one.selection().stories().size()));
        }
        startWalking();
        Optional<InputStamps> stamps = walk.finish(imports);
        if (stamps.isEmpty()) {
            return;
        }
        List<String> read = reads.read();
        CleanRun run = new CleanRun(clockMillis, stamps.get().digest(),
                stamps.get().newestChange(), imports, read, reads.digest(read, salt), outputs);
        if (run.trusted()) {
            store.put(key(salt), run.encode());
        }
    }

    private CacheKey key(String salt) {
        return CacheKey.of("clean-run", CompilerBuild.identity(), salt,
                root.toAbsolutePath().normalize().toString(), options);
    }

    /** Returns the canonical text of a run's settings, for {@code options}. */
    static String settingsText(dev.storyc.settings.Settings settings) {
        TreeMap<String, String> values = new TreeMap<>();
        settings.values().forEach((setting, value) -> values.put(setting.key(), value.value()));
        return values.toString();
    }
}
