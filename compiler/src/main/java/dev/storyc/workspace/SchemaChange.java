package dev.storyc.workspace;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One schema change of a story. A story's schema evolves by adding changes, never by editing one
 * that was deployed, the way sqitch and Flyway users work:
 *
 * <pre>
 * schema/deploy.sql, revert.sql, verify.sql           the first change, {@code base}
 * schema/changes/01-add-units/deploy.sql, revert.sql  {@code add-units}, second
 * schema/changes/02-index-by-date/...                 {@code index-by-date}, third
 * </pre>
 *
 * <p>The number orders the changes; the name is the change's stable id ({@code story/name}), which
 * the registry and the output paths ({@code warehouse/<story>/<name>/}) use, so renumbering a
 * folder reorders nothing that is already deployed and renames nothing a deployer keys on.
 *
 * @param name the change's name, {@code base} for {@code schema/*.sql}
 * @param ordinal its place in the story: 0 for base, else the folder's number
 * @param folder its folder inside the story, such as {@code schema/changes/01-add-units}
 */
public record SchemaChange(String name, int ordinal, String folder) {
    /** The name of the change in {@code schema/} itself. */
    public static final String BASE = "base";

    /** The folder that holds the later changes. */
    public static final String CHANGES_FOLDER = "schema/changes/";

    private static final Pattern FOLDER = Pattern.compile("([0-9]{1,4})-([a-z0-9][a-z0-9-]{0,62})");

    /** A folder that only {@link #FOLDER}'s length refuses, so that the message can say so. */
    private static final Pattern LONG_FOLDER = Pattern.compile("([0-9]{1,4})-([a-z0-9][a-z0-9-]*)");

    /** Returns the change that a schema script belongs to, from its path inside the story. */
    public static Optional<SchemaChange> of(String storyRelativePath) {
        if (storyRelativePath.startsWith("schema/")
                && storyRelativePath.indexOf('/', "schema/".length()) < 0) {
            return Optional.of(new SchemaChange(BASE, 0, "schema"));
        }
        if (!storyRelativePath.startsWith(CHANGES_FOLDER)) {
            return Optional.empty();
        }
        String rest = storyRelativePath.substring(CHANGES_FOLDER.length());
        int slash = rest.indexOf('/');
        if (slash < 0 || rest.indexOf('/', slash + 1) >= 0) {
            return Optional.empty();
        }
        Matcher matcher = FOLDER.matcher(rest.substring(0, slash));
        if (!matcher.matches()
                || Integer.parseInt(matcher.group(1)) == 0
                || matcher.group(2).equals(BASE)) {
            return Optional.empty();
        }
        return Optional.of(
                new SchemaChange(
                        matcher.group(2),
                        Integer.parseInt(matcher.group(1)),
                        CHANGES_FOLDER + rest.substring(0, slash)));
    }

    /**
     * Returns why a path under {@code schema/changes/} is not a change script, or empty when it is
     * one or lies elsewhere.
     */
    public static Optional<String> problemWith(String storyRelativePath) {
        if (!storyRelativePath.startsWith(CHANGES_FOLDER)) {
            return Optional.empty();
        }
        String rest = storyRelativePath.substring(CHANGES_FOLDER.length());
        int slash = rest.indexOf('/');
        if (slash < 0 || rest.indexOf('/', slash + 1) >= 0) {
            return Optional.of(
                    "a schema change is a folder `schema/changes/NN-name/` holding deploy.sql,"
                            + " revert.sql and verify.sql");
        }
        String folder = rest.substring(0, slash);
        String file = rest.substring(slash + 1);
        Matcher matcher = FOLDER.matcher(folder);
        Matcher longName = LONG_FOLDER.matcher(folder);
        if (!matcher.matches() && longName.matches()) {
            return Optional.of(
                    "`" + folder + "` has a name of " + longName.group(2).length() + " characters; the"
                            + " registry keeps at most 63, so shorten the part after the number");
        }
        if (!matcher.matches()) {
            return Optional.of(
                    "`"
                            + folder
                            + "` is not a change folder name: write a number, a dash and a name of"
                            + " lower case letters, digits and dashes, such as `01-add-units`");
        }
        if (Integer.parseInt(matcher.group(1)) == 0) {
            return Optional.of(
                    "change numbers start at 1: `schema/` itself holds the first change, `base`");
        }
        if (matcher.group(2).equals(BASE)) {
            return Optional.of(
                    "`base` is the name of the change in `schema/` itself; pick another name");
        }
        if (!file.equals("deploy.sql")
                && !file.equals("revert.sql")
                && !file.equals("verify.sql")) {
            return Optional.of(
                    "a change folder holds deploy.sql, revert.sql and verify.sql only, not `"
                            + file
                            + "`");
        }
        return Optional.empty();
    }

    /** Returns the change's folder in an output repository: {@code warehouse/<story>/<name>}. */
    public String outputFolder(StoryId story) {
        return "warehouse/" + story + "/" + name;
    }
}
