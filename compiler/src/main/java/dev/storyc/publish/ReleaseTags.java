package dev.storyc.publish;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The {@code release/<name>} tags of an output repository. Tags never move: every clone of a
 * published output (Looker, a deployer, a CI runner) keeps the first target of a tag it fetched,
 * and git refuses to clobber it, so a moved tag would mean different commits in different places.
 * The first compile of a release is tagged {@code release/<name>}; a later compile of the same
 * release that commits something else (a story backed out of it, say) is tagged
 * {@code release/<name>+2}, then {@code +3}: release names cannot hold a {@code +}. The newest
 * of a release's tags is what the environment runs.
 */
final class ReleaseTags {
    private ReleaseTags() {}

    /** Tags {@code commit} as a compile of the release whose first tag is {@code name}. */
    static void tag(
            Repository repository, Path directory, Progress progress, String name, String commit)
            throws PublishException {
        try {
            ObjectId target = ObjectId.fromString(commit);
            List<Ref> family = family(repository, name);
            if (family.stream().anyMatch(ref -> target.equals(ref.getObjectId()))) {
                return;
            }
            String next = family.isEmpty() ? name : name + "+" + (highest(family, name) + 1);
            RefUpdate update = repository.updateRef(Constants.R_TAGS + next);
            update.setExpectedOldObjectId(ObjectId.zeroId());
            update.setNewObjectId(target);
            update.setRefLogMessage("storyc: tag " + next, false);
            RefUpdate.Result result = update.update();
            switch (result) {
                case NEW, NO_CHANGE -> {}
                // The commit is in place; a tag is a bookmark on it, so a held lock only costs a
                // warning (a run killed while tagging leaves one), and the next compile tags again.
                case LOCK_FAILURE ->
                        progress.warn("could not tag " + next + " in `" + directory + "`: "
                                + LockFiles.of(repository.getDirectory().toPath().resolve(Constants.R_TAGS + next))
                                        .map(lock -> lock.describe() + " is held; " + LockFiles.hint(lock))
                                        .orElse("its lock is held; compile again"));
                default ->
                        throw new PublishException(
                                "cannot tag " + next + " (" + result + ")",
                                "check the repository with `git fsck`");
            }
        } catch (IOException e) {
            throw new PublishException(
                    "cannot tag " + name + ": " + e.getMessage(), "check permissions", e);
        }
    }

    /** Returns true when one of the tags of the release whose first tag is {@code name} names {@code commit}. */
    static boolean tagged(Repository repository, String name, ObjectId commit) throws IOException {
        return family(repository, name).stream().anyMatch(ref -> commit.equals(ref.getObjectId()));
    }

    /** Returns whether {@code tag} (without refs/tags/) is {@code name} or {@code name+N}. */
    static boolean inFamily(String tag, String name) {
        return tag.equals(name) || tag.startsWith(name + "+") && suffix(tag, name).isPresent();
    }

    private static List<Ref> family(Repository repository, String name) throws IOException {
        return repository.getRefDatabase().getRefsByPrefix(Constants.R_TAGS + name).stream()
                .filter(ref -> inFamily(ref.getName().substring(Constants.R_TAGS.length()), name))
                .toList();
    }

    private static int highest(List<Ref> family, String name) {
        return family.stream()
                .map(ref -> suffix(ref.getName().substring(Constants.R_TAGS.length()), name).orElse(1))
                .max(Integer::compare).orElse(1);
    }

    private static Optional<Integer> suffix(String tag, String name) {
        if (tag.equals(name)) {
            return Optional.of(1);
        }
        String number = tag.substring(name.length() + 1);
        return number.matches("[1-9][0-9]{0,8}") ? Optional.of(Integer.parseInt(number)) : Optional.empty();
    }
}
