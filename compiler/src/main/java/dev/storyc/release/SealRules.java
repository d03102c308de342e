package dev.storyc.release;

import dev.storyc.config.Environment;
import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Position;
import dev.storyc.workspace.StoryId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What sealing a release must respect. A seal is a promise that a release is what was tested, so a
 * release with nothing in it cannot be sealed (there is nothing to promise), and a sealed release a
 * protected environment runs is not re-pinned behind its back: re-sealing it would ship untested
 * code on production's next compile with no change to production's configuration.
 */
public final class SealRules {
    private SealRules() {}

    /** One story whose pin a seal changes; {@code before} or {@code after} may be empty. */
    public record PinChange(StoryId story, Optional<String> before, Optional<String> after) {
        /** Returns a line such as {@code claims  e9e5e7743fc5 -> 0d7f9a1c2b3e}. */
        public String describe() {
            return story + "  " + before.map(SealRules::abbreviate).orElse("(unpinned)") + " -> "
                    + after.map(SealRules::abbreviate).orElse("(no pin)");
        }
    }

    /**
     * Returns why {@code manifest} cannot be sealed with {@code pins}, before any tree is read or
     * anything written: it is empty, or it is sealed, a protected environment runs it, the new pins
     * differ, and {@code force} was not given.
     */
    public static List<Diagnostic> check(ReleaseManifest manifest, Map<StoryId, String> pins,
            List<Environment> runningIt, boolean force) {
        List<Diagnostic> problems = new ArrayList<>();
        Position file = Position.ofFile(manifest.path());
        if (manifest.stories().isEmpty()) {
            problems.add(Diagnostic.error(Code.SEAL_REFUSED, file,
                            "cannot seal `" + manifest.name() + "`: it lists no stories")
                    .withHint("add stories first: storyc release add " + manifest.name() + " ID"));
            return problems;
        }
        List<Environment> guarding = runningIt.stream().filter(Environment::isProtected).toList();
        boolean repins = !changes(manifest.pins(), pins).isEmpty();
        if (manifest.isSealed() && !guarding.isEmpty() && repins && !force) {
            Environment first = guarding.get(0);
            List<String> names = guarding.stream().map(Environment::name).toList();
            boolean one = names.size() == 1;
            Diagnostic refused = Diagnostic.error(Code.SEALED_RELEASE_IN_USE, file,
                            "cannot seal `" + manifest.name() + "` again: protected environment"
                                    + (one ? " `" : "s `") + String.join("`, `", names)
                                    + (one ? "` runs" : "` run") + " it, and new pins would change"
                                    + " what it compiles without anyone promoting anything")
                    .withRelated(first.definedAt(),
                            "`" + first.name() + "` runs `" + manifest.name() + "` here")
                    .withHint("make a new release for the change (storyc release new --week), test"
                            + " it and promote it; in an emergency, `storyc release seal "
                            + manifest.name() + " --force`");
            problems.add(refused);
        }
        return problems;
    }

    /** Returns how {@code after} differs from {@code before}, story by story in id order. */
    public static List<PinChange> changes(Map<StoryId, String> before, Map<StoryId, String> after) {
        List<PinChange> changes = new ArrayList<>();
        TreeSet<StoryId> stories = new TreeSet<>(before.keySet());
        stories.addAll(after.keySet());
        for (StoryId story : stories) {
            Optional<String> was = Optional.ofNullable(before.get(story));
            Optional<String> now = Optional.ofNullable(after.get(story));
            if (!Objects.equals(was, now)) {
                changes.add(new PinChange(story, was, now));
            }
        }
        return changes;
    }

    private static String abbreviate(String tree) {
        return tree.substring(0, Math.min(12, tree.length()));
    }
}
