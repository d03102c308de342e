package dev.storyc.publish;

/**
 * An operation on an output repository failed for a reason outside the workspace: the folder is
 * not a repository, the disk failed, or another process moved the branch. The CLI maps it to exit 3.
 */
public final class PublishException extends Exception {
    private final String hint;

    public PublishException(String message, String hint, Throwable cause) {
        super(message, cause);
        this.hint = hint;
    }

    public PublishException(String message, String hint) {
        this(message, hint, null);
    }

    public String hint() {
        return hint;
    }
}
