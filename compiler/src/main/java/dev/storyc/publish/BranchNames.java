package dev.storyc.publish;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Repository;

/**
 * Git's rule for branch names, as JGit applies it when storyc moves a branch: checked at {@code
 * storyc check} time, so a name such as {@code main.lock}, {@code a//b} or {@code main/} is a
 * located error in environments.toml instead of a crash in the middle of a compile.
 */
public final class BranchNames {
    private BranchNames() {}

    /**
     * Returns true when {@code branch} is a name JGit accepts for {@code refs/heads/<branch>}, and
     * git too: git also refuses a name that starts with {@code -} or has a component ending in
     * {@code .lock} ({@code b.lock/c}), which JGit lets through and a git remote would then refuse,
     * and the name {@code HEAD}, which git reads as the current commit wherever a branch may go.
     */
    public static boolean isValid(String branch) {
        return branch != null
                && !branch.isEmpty()
                && !branch.equals("HEAD")
                && !branch.startsWith("-")
                && Repository.isValidRefName(Constants.R_HEADS + branch)
                && java.util.Arrays.stream(branch.split("/"))
                        .noneMatch(part -> part.endsWith(".lock"));
    }
}
