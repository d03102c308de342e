package dev.storyc.config;

import dev.storyc.remote.RemoteAddress;
import java.util.Optional;

/**
 * Where an environment's output repository lives: a folder, a branch and, optionally, a remote;
 * and whether it keeps a working tree ({@code output.working_tree}, true unless set false), which
 * CI and push-only environments can skip because nobody reads its files.
 *
 * @param remote the remote as pushing needs it, with whatever it read from the process
 * @param sharedRemote the remote a file in the output may name (a Kubernetes job clones it), when
 *     one may: a remote read from the process only in its user information (the documented
 *     {@code https://ci:${env:GIT_TOKEN}@host/repo.git}) loses that part where it is written, but
 *     one read from the process elsewhere ({@code ${env:REMOTE}}, {@code https://host/${env:ORG}/x})
 *     may hold a secret anywhere, and would make the output depend on the machine
 */
public record OutputSettings(
        Optional<String> path, Optional<String> remote, String branch, boolean workingTree,
        Optional<String> sharedRemote) {
    /** Settings with a working tree, whose remote, if any, holds nothing read from the process. */
    public OutputSettings(Optional<String> path, Optional<String> remote, String branch) {
        this(path, remote, branch, true, remote);
    }

    /** Returns the remote a file in the output may name, from the remote's value as checked. */
    static Optional<String> shared(Object remote) {
        if (remote instanceof Tainted tainted) {
            return readOutsideUserInformation(tainted.spelling()) ? Optional.empty()
                    : Optional.of(String.valueOf(tainted.value()));
        }
        return Optional.ofNullable((String) remote);
    }

    /** Returns true when a reference stands anywhere in the spelling but its user information. */
    private static boolean readOutsideUserInformation(String spelling) {
        return RemoteAddress.url(spelling).map(address -> address.withUserInfo(Optional.empty()))
                .orElse(spelling).contains("${");
    }
}
