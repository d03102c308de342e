package dev.storyc.publish;

import dev.storyc.emit.ContentIds;
import dev.storyc.workspace.Story;
import dev.storyc.workspace.StoryFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;

/**
 * Computes a story's git tree id in memory, without writing objects: the id {@code git rev-parse
 * HEAD:stories/<id>} shows once the story is committed, so a lock can be compared with the source
 * repository and a release can pin it.
 */
public final class GitContentIds implements ContentIds {

    @Override
    public String treeIdOf(Story story) {
        try (ObjectInserter.Formatter formatter = new ObjectInserter.Formatter()) {
            DirCache index = DirCache.newInCore();
            DirCacheBuilder builder = index.builder();
            add(builder, formatter, "story.toml", story.manifestSource().text());
            for (StoryFile file : story.files()) {
                add(builder, formatter, file.storyRelativePath(), file.source().text());
            }
            builder.finish();
            return index.writeTree(formatter).name();
        } catch (IOException e) {
            throw new UncheckedIOException("hashing in memory cannot fail", e);
        }
    }

    private static void add(DirCacheBuilder builder, ObjectInserter.Formatter formatter, String path, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        DirCacheEntry entry = new DirCacheEntry(path);
        entry.setFileMode(FileMode.REGULAR_FILE);
        entry.setLength(bytes.length);
        ObjectId id = formatter.idFor(Constants.OBJ_BLOB, bytes);
        entry.setObjectId(id);
        builder.add(entry);
    }
}
