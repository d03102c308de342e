package dev.storyc.publish;

import dev.storyc.emit.ContentIds;
import dev.storyc.emit.OutputTree;
import dev.storyc.workspace.Story;
import dev.storyc.workspace.StoryFile;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.TreeFormatter;

/**
 * Computes a story's git tree id in memory, without writing objects: the id {@code git rev-parse
 * HEAD:stories/<id>} shows once the story is committed, so a lock can be compared with the source
 * repository and a release can pin it.
 */
public final class GitContentIds implements ContentIds {
    @Override
    public String treeIdOf(Story story) {
        Folder root = new Folder();
        root.add("story.toml", story.manifestSource().text());
        for (StoryFile file : story.files()) {
            root.add(file.storyRelativePath(), file.source().text());
        }
        // Not a template, so not among the files, but part of the story's tree all the same.
        story.classification().ifPresent(file -> root.add(Story.CLASSIFICATION, file.text()));
        try (ObjectInserter.Formatter formatter = new ObjectInserter.Formatter()) {
            return root.id(formatter).name();
        }
    }

    /**
     * Returns the git tree id an output tree gets once published, without writing objects: equal
     * to the head commit's tree when the output repository already holds exactly this tree.
     */
    public static String treeIdOf(OutputTree tree) {
        Folder root = new Folder();
        tree.all().forEach(file -> root.add(file.path(), file.text()));
        try (ObjectInserter.Formatter formatter = new ObjectInserter.Formatter()) {
            return root.id(formatter).name();
        }
    }

    /**
     * Compares two names as their UTF-8 bytes compare, without encoding them: every name is
     * compared about thirteen times while a story's tree is built. Below the surrogates,
     * UTF-16 units order as code points and so as UTF-8; where a name differs from the other in
     * a surrogate (a character above U+FFFF, or a lone one, which encodes as '?'), the bytes
     * decide.
     */
    static int compareAsUtf8(String a, String b) {
        int common = Math.min(a.length(), b.length());
        for (int i = 0; i < common; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                if (Character.isSurrogate(x) || Character.isSurrogate(y)) {
                    return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8),
                            b.getBytes(StandardCharsets.UTF_8));
                }
                return x - y;
            }
        }
        return a.length() - b.length();
    }

    /**
     * One folder of the tree being hashed. Subfolders are keyed by name plus '/', and names compare
     * as UTF-8 bytes, which makes the map's order git's order: git compares a subtree's name as if
     * it ended in '/', and compares bytes. A String's own order (UTF-16 units) put a name above
     * U+FFFF, such as an emoji, before one from U+E000 to U+FFFF, and the story's id then differed
     * from git's.
     */
    private static final class Folder {
        private static final Comparator<String> GIT_ORDER = GitContentIds::compareAsUtf8;

        private final Map<String, Object> entries = new TreeMap<>(GIT_ORDER);

        void add(String path, String text) {
            int slash = path.indexOf('/');
            if (slash < 0) {
                entries.put(path, text.getBytes(StandardCharsets.UTF_8));
                return;
            }
            Folder child = (Folder) entries.computeIfAbsent(path.substring(0, slash + 1), k -> new Folder());
            child.add(path.substring(slash + 1), text);
        }

        ObjectId id(ObjectInserter.Formatter formatter) {
            TreeFormatter tree = new TreeFormatter();
            for (Map.Entry<String, Object> entry : entries.entrySet()) {
                if (entry.getValue() instanceof Folder folder) {
                    String name = entry.getKey().substring(0, entry.getKey().length() - 1);
                    tree.append(name, FileMode.TREE, folder.id(formatter));
                } else {
                    byte[] bytes = (byte[]) entry.getValue();
                    tree.append(entry.getKey(), FileMode.REGULAR_FILE, formatter.idFor(Constants.OBJ_BLOB, bytes));
                }
            }
            return formatter.idFor(Constants.OBJ_TREE, tree.toByteArray());
        }
    }
}
