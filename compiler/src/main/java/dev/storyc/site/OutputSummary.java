package dev.storyc.site;

import java.time.Instant;

/**
 * What an environment's output repository holds, as the board shows it.
 *
 * @param head the branch's commit
 * @param committedAt when a compile last changed the output
 * @param upToDate true when the head holds exactly what the workspace compiles to now, so a compile
 *     would commit nothing
 * @param pushed true when storyc's last push put the head on the remote
 * @param hasRemote true when the environment has an {@code output.remote} to push to
 */
public record OutputSummary(
        String head, Instant committedAt, boolean upToDate, boolean pushed, boolean hasRemote) {}
