package dev.storyc.site;

/**
 * A Cell of the board: which version of one story one environment compiles. A closed set, so the
 * board, its legend and its data know every case.
 */
public sealed interface Cell {
    /** Returns the state's name as the page and its data spell it. */
    String state();

    /** Returns the text the board shows in the cell. */
    String text();

    /**
     * A sealed release pins the story to a git tree; {@code movedOn} when main has changed since.
     */
    record Pinned(String tree, boolean movedOn) implements Cell {
        @Override
        public String state() {
            return "pinned";
        }

        @Override
        public String text() {
            return tree.substring(0, Math.min(10, tree.length())) + (movedOn ? " *" : "");
        }
    }

    /** The working tree's version: release {@code all}, or an unsealed release. */
    record Main() implements Cell {
        @Override
        public String state() {
            return "main";
        }

        @Override
        public String text() {
            return "main";
        }
    }

    /**
     * The environment's output held the story and no longer does: its revert script is pending in
     * the warehouse plan until the tables are reverted or the story comes back.
     */
    record BackedOut() implements Cell {
        @Override
        public String state() {
            return "backed-out";
        }

        @Override
        public String text() {
            return "backed out";
        }
    }

    /** The environment does not include the story. */
    record Absent() implements Cell {
        @Override
        public String state() {
            return "absent";
        }

        @Override
        public String text() {
            return "-";
        }
    }
}
