package dev.storyc.phi;

import java.util.List;
import java.util.Optional;

/**
 * What one position of a query's select list produces: one column ({@link Column}), or an
 * unknown number of them ({@link Star}).
 */
public sealed interface SqlProduced {
    /**
     * One column: its name and its item in each branch of a {@code UNION} (one item without one).
     */
    record Column(Optional<String> name, List<SqlItem> items) implements SqlProduced {
        public Column {
            items = List.copyOf(items);
        }

        /** Returns every table column the value comes from, in every branch. */
        public List<SqlColumnRead> reads() {
            return items.stream().flatMap(i -> i.reads().stream()).toList();
        }

        /** Returns every place the value passes storyc cannot see through, in every branch. */
        public List<SqlOpaque> opaque() {
            return items.stream().flatMap(i -> i.opaque().stream()).toList();
        }
    }

    /**
     * A {@code *} or {@code t.*}: every column of the relations it names, which a query reading
     * them by name can still follow, but whose number and order storyc may not know.
     *
     * @param offset where the star's item starts in the text
     * @param text the item as written, for messages
     * @param relations the relations it expands
     */
    record Star(int offset, String text, List<SqlRelation> relations) implements SqlProduced {
        public Star {
            relations = List.copyOf(relations);
        }
    }
}
