package dev.storyc.datatest;

import dev.storyc.diag.Position;
import java.util.Objects;

/**
 * One data test: a query that must return no rows. A story declares its own under {@code tests/}
 * (dbt's singular tests); storyc generates the primary-key ones from the LookML.
 *
 * @param name unique in a run, such as {@code patients/no_future_birth_dates} or {@code
 *     patients.patient_id is unique}
 * @param story the story that owns it, for {@code --story} and for reports
 * @param at the test file, or the primary key dimension in its LookML file
 */
public record DataTest(String name, String story, Kind kind, String sql, Position at) {
    /** Where a test comes from. */
    public enum Kind {
        STORY,
        PRIMARY_KEY_UNIQUE,
        PRIMARY_KEY_NOT_NULL
    }

    public DataTest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(at, "at");
    }

    /**
     * Returns the test moved to where a 1-based character position of its SQL is in its file: the
     * server's position of an error, which E0912 reported at the test's first line (round 18).
     * Unmoved for a position outside the SQL, a test without a line, or a generated one: its SQL
     * is storyc's, written nowhere, and its position is the primary key's dimension (a position in
     * it landed past the end of the dimension's line, round 20).
     */
    public DataTest at(int serverPosition) {
        if (serverPosition < 1 || serverPosition > sql.length() || !at.hasLine() || kind != Kind.STORY) {
            return this;
        }
        String before = sql.substring(0, serverPosition - 1);
        int newline = before.lastIndexOf('\n');
        int lines = (int) before.chars().filter(c -> c == '\n').count();
        int column = newline < 0 ? at.column() + before.length() : before.length() - newline;
        return new DataTest(name, story, kind, sql, Position.of(at.file(), at.line() + lines, column));
    }
}
