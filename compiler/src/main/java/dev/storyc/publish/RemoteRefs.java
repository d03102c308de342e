package dev.storyc.publish;

import org.eclipse.jgit.lib.Constants;

/**
 * The refs a remote's push and fetch work with, named in one place so that the fetch, the drift
 * check, the rebuild and the push all agree on where the remote's state is kept locally.
 */
final class RemoteRefs {
    private RemoteRefs() {}

    static String branch(OutputRepository local) {
        return Constants.R_HEADS + local.branch();
    }

    /** Where the remote branch is fetched to: storyc's view of the remote, never checked out. */
    static String tracking(OutputRepository local) {
        return "refs/storyc/remote/" + local.branch();
    }

    /**
     * What storyc last pushed (or saw and accepted) on the remote branch; drift is measured
     * against it.
     */
    static String pushed(OutputRepository local) {
        return "refs/storyc/pushed/" + local.branch();
    }
}
