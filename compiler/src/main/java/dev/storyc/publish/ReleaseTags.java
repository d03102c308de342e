package dev.storyc.publish;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The {@code release/<name>} tags of an output repository. A release's tag follows its newest
 * compile in this repository: after a back-out re-seals a release, the tag names what actually
 * shipped.
 */
final class ReleaseTags {
    private ReleaseTags() {}

    static void tag(
            Repository repository, Path directory, Progress progress, String name, String commit)
            throws PublishException {
        try {
            RefUpdate update = repository.updateRef(Constants.R_TAGS + name);
            update.setNewObjectId(ObjectId.fromString(commit));
            update.setForceUpdate(true);
            update.setRefLogMessage("storyc: tag " + name, false);
            RefUpdate.Result result = update.update();
            switch (result) {
                case NEW, FORCED, NO_CHANGE, FAST_FORWARD -> {}
                // The commit is in place; a tag is a bookmark on it, so a held lock only costs a
                // warning
                // (a run killed while tagging leaves one) and the next compile tags again.
                case LOCK_FAILURE ->
                        progress.warn(
                                "could not tag "
                                        + name
                                        + " in `"
                                        + directory
                                        + "`: "
                                        + LockFiles.of(
                                                        repository
                                                                .getDirectory()
                                                                .toPath()
                                                                .resolve(Constants.R_TAGS + name))
                                                .map(
                                                        lock ->
                                                                lock.describe()
                                                                        + " is held; "
                                                                        + LockFiles.hint(lock))
                                                .orElse("its lock is held; compile again"));
                default ->
                        throw new PublishException(
                                "cannot tag " + name + " (" + result + ")",
                                "check the repository with `git fsck`");
            }
        } catch (IOException e) {
            throw new PublishException(
                    "cannot tag " + name + ": " + e.getMessage(), "check permissions", e);
        }
    }
}
