package dev.storyc.cli;

/**
 * Ends a command with an exit code after its message has been printed. Commands throw it from deep
 * inside helpers instead of threading codes back by hand; {@link Main} turns it into the code.
 */
final class CommandFailure extends RuntimeException {
    private final int exitCode;

    CommandFailure(int exitCode) {
        super(null, null, false, false);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
