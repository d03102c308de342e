package dev.storyc.phi;

import dev.storyc.lookml.Lookml;
import dev.storyc.lookml.syntax.Block;
import dev.storyc.lookml.syntax.CodeBlock;
import dev.storyc.lookml.syntax.Item;
import dev.storyc.render.RenderedFile;
import dev.storyc.workspace.ArtifactKind;
import java.util.ArrayList;
import java.util.List;

/** Finds the pieces of SQL a rendered file holds for {@link SqlProtection}: scripts and derived tables. */
final class SqlSources {
    private SqlSources() {}

    /** Returns the SQL of a file: an ETL or schema script whole, each derived table of a view. */
    static List<SqlProtection.Source> of(RenderedFile file, String text) {
        String path = file.file().source().path();
        if (file.file().kind() == ArtifactKind.ETL_SQL) {
            return List.of(new SqlProtection.Source(path, SqlProtection.Place.ETL_SCRIPT, text, 0));
        }
        if (file.file().kind() == ArtifactKind.SCHEMA_DEPLOY
                || file.file().kind() == ArtifactKind.SCHEMA_REVERT) {
            return List.of(new SqlProtection.Source(path, SqlProtection.Place.SCHEMA_SCRIPT, text,
                    0));
        }
        if (file.file().kind() != ArtifactKind.VIEW || !text.contains("derived_table")) {
            return List.of();
        }
        List<SqlProtection.Source> sources = new ArrayList<>();
        for (Block view : Lookml.parse(path, text).tree().root().blocks("view")) {
            for (Block derived : view.blocks("derived_table")) {
                for (Item item : derived.items()) {
                    if (item instanceof CodeBlock code && item.key().equals("sql")) {
                        sources.add(new SqlProtection.Source(path, SqlProtection.Place.DERIVED_TABLE,
                                text.substring(code.codeStart(), code.codeEnd()), code.codeStart()));
                    }
                }
            }
        }
        return sources;
    }
}
