package dev.storyc.compile;

import dev.storyc.emit.OutputTree;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An output store in memory: the branch is its list of trees; commits are "c1", "c2"… */
final class MemoryStore implements OutputStore<RuntimeException> {
    final List<Map<String, String>> trees = new ArrayList<>();
    final List<String> messages = new ArrayList<>();
    final Map<String, String> tags = new LinkedHashMap<>();

    @Override
    public Optional<String> readAtHead(String path) {
        return trees.isEmpty() ? Optional.empty()
                : Optional.ofNullable(trees.get(trees.size() - 1).get(path));
    }

    @Override
    public Optional<String> fileAtHead(String path) {
        return readAtHead(path);
    }

    @Override
    public Commit commit(OutputTree tree, String message) {
        if (!trees.isEmpty() && trees.get(trees.size() - 1).equals(tree.texts())) {
            return new Commit(head(), "t" + trees.size(), false);
        }
        trees.add(tree.texts());
        messages.add(message);
        return new Commit(head(), "t" + trees.size(), true);
    }

    @Override
    public void tag(String name, String commit) {
        tags.put(name, commit);
    }

    String head() {
        return "c" + trees.size();
    }
}
