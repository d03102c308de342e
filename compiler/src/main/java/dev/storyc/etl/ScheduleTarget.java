package dev.storyc.etl;

import dev.storyc.remote.RemoteAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an environment's scheduled jobs run: the environment, the folder its output repository is
 * checked out in on the scheduler's host, and where a Kubernetes job clones it from.
 *
 * @param checkout the conventional {@code /srv/storyc/<environment>}, the same on a cron host and
 *     in a Kubernetes pod, so both schedules run the same command in the same place
 * @param remote the output repository's remote, when the environment has one; a Kubernetes job
 *     clones it, otherwise it mounts the volume {@code storyc-<environment>-checkout}
 * @param image the container image that holds storyc, tagged with the compiler's version
 */
public record ScheduleTarget(
        String environment, String checkout, Optional<String> remote, String branch, String image) {
    public ScheduleTarget {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(remote, "remote");
    }

    /**
     * Returns the target of an environment under storyc's conventions. The remote loses any
     * user and password it holds ({@code https://ci:TOKEN@host/repo.git}): a token read from the
     * process must never reach a file in the output, so the clone authenticates with credentials
     * mounted into the pod instead.
     */
    public static ScheduleTarget of(
            String environment, Optional<String> remote, String branch, String compilerVersion) {
        return new ScheduleTarget(
                environment,
                "/srv/storyc/" + environment,
                remote.map(ScheduleTarget::withoutCredentials),
                branch,
                "storyc:" + compilerVersion);
    }

    /**
     * Returns a remote without what could be a secret: an http(s) URL loses its whole user
     * information (a token may stand where the user does), any other URL only its password (an
     * ssh user such as {@code git} is a name, not a secret), and any URL its query and fragment
     * ({@code ?token=...}), which no git remote needs; scp-like remotes and paths are kept.
     */
    static String withoutCredentials(String url) {
        if (!url.contains("://")) {
            return url;
        }
        int query = url.length();
        for (char mark : new char[] {'?', '#'}) {
            int at = url.indexOf(mark, url.indexOf("://"));
            if (at >= 0) {
                query = Math.min(query, at);
            }
        }
        String remote = url.substring(0, query);
        return RemoteAddress.url(remote)
                .map(address -> address.withUserInfo(
                        address.schemeName().startsWith("http") ? Optional.empty() : address.user()))
                .orElse(remote);
    }
}
