package dev.storyc.cli;

import dev.storyc.release.ReleaseNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code storyc init DIR}: a new workspace that compiles and checks cleanly from the first minute. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Create a new workspace that compiles and checks cleanly, all week.",
                "Writes environments.toml (production, acceptance, integration and a template for"
                        + " developers), storyc.toml, an empty release production starts on, this week's"
                        + " release, .gitignore and a GitHub Actions workflow. Refuses a folder that is not"
                        + " empty."})
final class InitCommand implements Callable<Integer> {
    @ParentCommand
    StorycCommand root;

    @Parameters(paramLabel = "DIR", description = "The folder to create the workspace in.")
    Path directory;

    @Option(names = "--project-name", paramLabel = "NAME",
            description = "The Looker project name. Default: the folder's name, made a safe identifier.")
    String projectName;

    @Option(names = "--developer", paramLabel = "NAME",
            description = "Your name, for your dev-<name> environment and dev_<name> database; only its letters and"
                    + " digits are kept, in lower case. Default: the `developer` setting, else $USER.")
    String developer;

    @Override
    public Integer call() {
        Console console = root.console();
        Path target = root.workingDirectory().resolve(directory).normalize();
        if (Files.isSymbolicLink(target) && !Files.exists(target)) {
            console.failure("`" + target + "` is a link to `" + linkTarget(target) + "`, which does not exist; nothing"
                            + " was written",
                    "create the folder it leads to, or pick another folder");
            return ExitCode.USAGE;
        }
        if (!isEmptyOrMissing(target)) {
            console.failure("`" + target + "` is not empty; nothing was written",
                    "storyc init creates a new workspace; pick an empty or new folder");
            return ExitCode.USAGE;
        }
        String name = identifier(projectName != null ? projectName : String.valueOf(target.getFileName()), "analytics");
        String who = developer != null ? developer
                : root.settings().developer().orElse(root.processEnvironment().getOrDefault("USER", "me"));
        if (developer != null && lettersAndDigits(developer).isEmpty()) {
            // developerName's fallback, `me`, is for an unset USER, not for a name the user typed.
            console.failure("--developer `" + developer + "` has no letters or digits a database name can hold",
                    "pass a name of ASCII letters and digits, such as --developer alice");
            return ExitCode.USAGE;
        }
        String developerName = developerName(who);
        LocalDate today = LocalDate.now();
        Map<String, String> files = Scaffold.workspace(name, developerName, ReleaseNames.weekName(today.minusWeeks(1)),
                ReleaseNames.weekName(today), Version.number());
        files.forEach((path, text) -> WorkspaceFiles.write(target.resolve(path), text, console));
        try {
            Files.createDirectories(target.resolve("stories"));
        } catch (IOException e) {
            console.failure("cannot create `" + target.resolve("stories") + "`: " + e.getMessage(), null);
            return ExitCode.OPERATION_FAILED;
        }
        console.result("created a storyc workspace in " + target + " (project " + name + ", developer " + developerName
                + ")");
        console.result("next: cd " + directory + " && git init && storyc story new my-first-story && storyc compile");
        return ExitCode.OK;
    }

    /**
     * Returns {@code who} as a name that works in every place the scaffold puts it: the environment
     * {@code dev-<name>} allows dashes, but the database {@code dev_<name>} and the connection
     * {@code looker_dev_<name>} do not, and an underscore is no environment name. So only letters
     * and digits are kept: {@code Alice-Bob_1} becomes {@code alicebob1}.
     */
    static String developerName(String who) {
        String name = lettersAndDigits(who);
        return name.isEmpty() ? "me" : name;
    }

    /** Returns what of {@code who} a database name can hold: ASCII letters and digits, a letter first. */
    private static String lettersAndDigits(String who) {
        return who.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "").replaceAll("^[^a-z]+", "");
    }

    private static String linkTarget(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "?";
        }
    }

    private static boolean isEmptyOrMissing(Path folder) {
        if (!Files.exists(folder)) {
            return true;
        }
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /** Returns {@code text} as a safe lower-case identifier, or {@code fallback} when nothing is left. */
    static String identifier(String text, String fallback) {
        String cleaned = text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "_").replaceAll("^[^a-z_]+", "");
        return cleaned.isEmpty() ? fallback : cleaned;
    }
}
