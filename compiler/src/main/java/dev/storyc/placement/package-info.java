/**
 * Where storyc may write: the pure policy that every writer (compile, ci, push) and {@code check}
 * consult before an output repository is created or changed. It sees paths as values and never the
 * disk; what only the disk can tell (symbolic links, a repository someone else made) is inspected
 * at the publishing edge.
 */
package dev.storyc.placement;
