package dev.storyc.publish;

import dev.storyc.compile.OutputStore;
import dev.storyc.emit.OutputTree;
import java.util.Optional;

/**
 * An {@link OutputRepository} seen as the {@link OutputStore} the pure write step commits
 * through. The repository stays open and owned by the caller, which may also sync and push it.
 */
public final class RepositoryOutputStore implements OutputStore<PublishException> {
    private final OutputRepository repository;

    public RepositoryOutputStore(OutputRepository repository) {
        this.repository = repository;
    }

    @Override
    public Optional<String> readAtHead(String path) throws PublishException {
        return repository.readAtHead(path);
    }

    @Override
    public Optional<String> fileAtHead(String path) {
        return repository.fileAtHead(path);
    }

    @Override
    public Commit commit(OutputTree tree, String message) throws PublishException {
        PublishResult result = repository.publish(tree, message);
        return new Commit(result.commit(), result.tree(),
                result instanceof PublishResult.Committed);
    }

    @Override
    public void tag(String name, String commit) throws PublishException {
        repository.tag(name, commit);
    }
}
