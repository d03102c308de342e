package dev.storyc.compile;

import dev.storyc.config.Environment;
import dev.storyc.config.Environments;
import dev.storyc.diag.SourceFile;
import dev.storyc.emit.ContentIds;
import dev.storyc.workspace.ImportedFile;
import dev.storyc.workspace.Sha256;
import dev.storyc.workspace.Story;
import dev.storyc.workspace.Workspace;

import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The identity of everything one environment's compile and checks read, as one sha256: equal
 * fingerprints mean equal output trees and equal diagnostics, so a run may reuse what an earlier
 * run proved about the same fingerprint.
 *
 * <p>It errs on the side of too much. Besides the environment's own normal form it covers the whole
 * workspace but the stories' text: environments.toml and its imports, the settings file, every
 * release manifest, partial and model file, files rejected while loading, the content id of every
 * story (a check may name a story the environment leaves out), every environment's normal form (the
 * isolation check reads them all) and a salted digest of the secret values (the secret check looks
 * for them). The stdlib's templates are covered too; the checks themselves are the compiler's code,
 * which the edge mixes into every cache key. A change to any of these compiles every environment
 * again; a change that touches none of them cannot change the result.
 */
public final class InputFingerprint {
    private final String workspaceDigest;
    private final String compilerVersion;

    private InputFingerprint(String workspaceDigest, String compilerVersion) {
        this.workspaceDigest = workspaceDigest;
        this.compilerVersion = compilerVersion;
    }

    /**
     * Returns the fingerprinter of one version of the workspace (the working tree's, or one with a
     * sealed release's pinned stories).
     *
     * @param secretValues every secret value, in every form the secret check looks for
     * @param salt mixed into the secret values' digest; see {@link Reuse#salt}
     */
    public static InputFingerprint of(
            Workspace workspace,
            ContentIds contentIds,
            Environments environments,
            Set<String> secretValues,
            String salt,
            String compilerVersion) {
        Sha256.Parts digest = Sha256.parts().add("storyc-inputs-1");
        digest.add("environments.toml")
                .add(workspace.environments().map(SourceFile::text).orElse(""));
        workspace
                .environmentImports()
                .forEach((path, file) -> digest.add(path).add(describe(file)));
        digest.add("settings").add(workspace.settings().map(SourceFile::text).orElse(""));
        workspace
                .releases()
                .forEach((name, source) -> digest.add("release " + name).add(source.text()));
        new TreeMap<>(workspace.partials())
                .forEach((name, source) -> digest.add("partial " + name).add(source.text()));
        workspace
                .modelFiles()
                .forEach((path, source) -> digest.add("model " + path).add(source.text()));
        workspace
                .rejected()
                .forEach(source -> digest.add("rejected " + source.path()).add(source.text()));
        digest.add("stdlib").add(workspace.stdlib().environmentType().text());
        new TreeMap<>(workspace.stdlib().templates())
                .forEach(
                        (name, source) -> digest.add("stdlib template " + name).add(source.text()));
        new TreeMap<>(workspace.stdlib().partials())
                .forEach((name, source) -> digest.add("stdlib partial " + name).add(source.text()));
        for (Story story : workspace.stories().values()) {
            digest.add("story " + story.id().value()).add(contentIds.treeIdOf(story));
        }
        new TreeMap<>(environments.byName())
                .forEach(
                        (name, environment) ->
                                digest.add("environment " + name).add(environment.hash()));
        Sha256.Parts secrets = Sha256.parts().add(salt);
        new TreeSet<>(secretValues).forEach(secrets::add);
        digest.add("secrets").add(secrets.hex());
        return new InputFingerprint(digest.hex(), compilerVersion);
    }

    /** Returns the fingerprint of {@code environment}'s compile in this workspace. */
    public String of(Environment environment) {
        return Sha256.parts()
                .add(workspaceDigest)
                .add(compilerVersion)
                .add(environment.name())
                .add(environment.hash())
                .add(environment.normalForm())
                .hex();
    }

    private static String describe(ImportedFile file) {
        if (file instanceof ImportedFile.Loaded loaded) {
            return "loaded " + loaded.source().text();
        }
        if (file instanceof ImportedFile.Escapes escapes) {
            return "escapes " + escapes.reason();
        }
        if (file instanceof ImportedFile.Unreadable unreadable) {
            return "unreadable " + unreadable.reason();
        }
        return "missing";
    }
}
