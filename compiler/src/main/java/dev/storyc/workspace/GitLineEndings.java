package dev.storyc.workspace;

import dev.storyc.diag.SourceFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads a working-tree file's line endings as git commits them. Git converts line endings on
 * checkout and back on commit ({@code core.autocrlf}, Git for Windows' default, or an {@code eol}
 * attribute), so the same commit is CRLF in one checkout and LF in another; compiled as read, a
 * Windows checkout's output, deploy hashes and story ids differed from everyone else's, and the
 * check warned E0804 about pinned changes nobody had edited. Read as committed, every checkout
 * compiles the bytes of the commit, and a file committed with CRLF keeps them, so no deploy hash
 * computed from it before changes.
 *
 * <p>Only files with a carriage return ask git, once each, so a workspace without any costs
 * nothing. A workspace outside git has no conversion to undo: its bytes are the text.
 */
final class GitLineEndings implements AutoCloseable {
    private final Path workspace;
    private Optional<SourceRepository> repository;
    /** The files read with a carriage return, whose text depends on git's state as well. */
    private final java.util.Set<String> readThroughGit = java.util.concurrent.ConcurrentHashMap.newKeySet();

    GitLineEndings(Path workspace) {
        this.workspace = workspace;
    }

    /** Returns {@code file} with CRLF as LF when git stores it with LF. */
    SourceFile asCommitted(SourceFile file) {
        if (file.text().indexOf('\r') < 0) {
            return file;
        }
        readThroughGit.add(file.path());
        if (!storesLf(file.path())) {
            return file;
        }
        return new SourceFile(file.path(), file.text().replace("\r\n", "\n"));
    }

    /**
     * Returns true when any of {@code files} was read with a carriage return: its text then
     * depends on what HEAD stores and on {@code core.autocrlf}, which no stamp of the file sees,
     * so nothing may be remembered by its stamps (a commit or a config change would not show).
     */
    boolean readThroughGit(List<SourceFile> files) {
        return files.stream().anyMatch(file -> readThroughGit.contains(file.path()));
    }

    /** Returns true when any file read so far had a carriage return. */
    boolean readAnyThroughGit() {
        return !readThroughGit.isEmpty();
    }

    private boolean storesLf(String relative) {
        // Story folders load in parallel: only opening the repository is locked, the lookups
        // (JGit's object reads) are not.
        return repository().map(git -> git.storesLf(relative)).orElse(false);
    }

    private synchronized Optional<SourceRepository> repository() {
        if (repository == null) {
            repository = SourceRepository.find(workspace);
        }
        return repository;
    }

    @Override
    public synchronized void close() {
        if (repository != null) {
            repository.ifPresent(SourceRepository::close);
        }
    }
}
