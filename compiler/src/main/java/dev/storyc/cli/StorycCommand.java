package dev.storyc.cli;

import dev.storyc.config.ProcessValues;
import dev.storyc.diag.Result;
import dev.storyc.diag.Plural;
import dev.storyc.settings.Settings;
import dev.storyc.settings.SettingsLoader;
import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.settings.Setting;
import dev.storyc.settings.VersionRequirement;
import java.util.Optional;
import dev.storyc.workspace.ManifestMemo;
import dev.storyc.workspace.StoryStamps;
import dev.storyc.workspace.WorkspaceDiscovery;
import dev.storyc.publish.Progress;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The top-level {@code storyc} command: global options, and the subcommands beneath it. */
@Command(
        name = "storyc",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Compiles analytics stories (warehouse schema, ETL, LookML views, explores and dashboards) into one"
                    + " git repository per environment.",
            ""
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0   success",
            "  1   the project has errors (diagnostics printed)",
            "  2   command-line usage",
            "  3   an operation failed (I/O, push rejected, database unreachable or locked)",
            "  70  an internal bug in storyc; please report it",
            "",
            "Run `storyc help COMMAND` for a command's options."
        })
final class StorycCommand implements Callable<Integer> {
    /**
     * The subcommands, in the order help lists them. They are not in the annotation, so that a run
     * can build only the one it names ({@link CommandTree}).
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            CompileCommand.class,
            CheckCommand.class,
            PushCommand.class,
            CiCommand.class,
            EnvCommand.class,
            StoryCommand.class,
            InitCommand.class,
            LookmlCommand.class,
            ReleaseCommand.class,
            StatusCommand.class,
            WarehouseCommand.class,
            GraphCommand.class,
            PhiCommand.class,
            EtlCommand.class,
            TestCommand.class,
            ValidateCommand.class,
            SiteCommand.class,
            DiffCommand.class,
            CacheCommand.class,
            VersionCommand.class,
            CompletionCommand.class,
            HelpCommand.class,
            NamesCommand.class);

    @Option(names = {"-p", "--project"}, paramLabel = "DIR",
            description = "The workspace folder. Default: the nearest folder, from the current one upwards,"
                    + " that holds an environments.toml.")
    Path project;

    @Option(names = "--color", paramLabel = "WHEN",
            description = "Colour diagnostics: ${COMPLETION-CANDIDATES}. Default: the `color` setting, else auto.")
    ColorMode color;

    @Option(names = "-D", paramLabel = "KEY=VALUE",
            description = "Set a setting for this run; repeatable. Beats STORYC_* variables, the user's config.toml"
                    + " and the workspace's storyc.toml. Keys: developer, output, jobs, color,"
                    + " git.token_env, warehouse.url, warehouse.connect_timeout, warehouse.lock_timeout,"
                    + " ci.live, cache.max_size, required_version (docs/environments.md#settings).")
    List<String> definitions = new ArrayList<>();

    @Option(names = {"-q", "--quiet"}, description = "Print only errors.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"},
            description = "Also print the workspace loaded and where each setting came from, on stderr.")
    boolean verbose;

    @Spec
    CommandSpec spec;

    private final Map<String, String> processEnvironment;
    private final Path workingDirectory;
    private Path root;
    private Console console;
    /** The format the command asked its console for, which a failure before the console exists uses. */
    private DiagnosticFormat requestedFormat = DiagnosticFormat.text;
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean interactive;
    private Settings settings;
    private ProcessReads processReads;
    private List<dev.storyc.diag.SourceFile> settingsSources = List.of();

    StorycCommand(Map<String, String> processEnvironment, Path workingDirectory, PrintWriter out, PrintWriter err,
            boolean interactive) {
        this.processEnvironment = processEnvironment;
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
        this.out = out;
        this.err = err;
        this.interactive = interactive;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(err);
        return ExitCode.USAGE;
    }

    Map<String, String> processEnvironment() {
        return processEnvironment;
    }

    Console console() {
        return console(DiagnosticFormat.text);
    }

    /**
     * Returns the command's console, printing diagnostics in {@code format}. There is one per run,
     * so that a JSON or SARIF document collects everything the command reports.
     */
    Console console(DiagnosticFormat format) {
        if (console == null) {
            console = newConsole(format);
        }
        return console;
    }

    /**
     * Returns the format a failure before the command's console exists is printed in: the one the
     * console was asked for, or else JSON when the command line asked the command for a JSON
     * document ({@code --format json}, {@code --json}), since commands that print their own
     * documents make a text console and a script would get an empty stdout.
     */
    private DiagnosticFormat earlyFormat() {
        if (requestedFormat != DiagnosticFormat.text || spec == null) {
            return requestedFormat;
        }
        picocli.CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        while (parsed != null && parsed.hasSubcommand()) {
            parsed = parsed.subcommand();
        }
        if (parsed == null) {
            return requestedFormat;
        }
        boolean json = parsed.hasMatchedOption("--json") && Boolean.TRUE.equals(parsed.matchedOptionValue("--json", false))
                || parsed.hasMatchedOption("--format")
                        && String.valueOf((Object) parsed.matchedOptionValue("--format", "")).equalsIgnoreCase("json");
        return json ? DiagnosticFormat.json : requestedFormat;
    }

    /** Returns the settings files, so that a diagnostic about a setting quotes its line. */
    List<dev.storyc.diag.SourceFile> settingsSources() {
        return settingsSources;
    }

    /** Ends the run's output; see {@link Console#finish(int)}. */
    void finish(int exitCode) {
        if (console != null) {
            console.finish(exitCode);
        }
    }

    private Console newConsole(DiagnosticFormat format) {
        requestedFormat = format;
        // Every command starts here, so a bad setting is reported even when --color makes it moot.
        Settings current = settings();
        ColorMode mode = color != null ? color : ColorMode.valueOf(current.color());
        boolean useColor = switch (mode) {
            case always -> true;
            case never -> false;
            case auto -> interactive && !processEnvironment.containsKey("NO_COLOR");
        };
        return new Console(out, err, useColor, quiet, format).verbose(verbose && !quiet);
    }

    /**
     * Returns the layered settings (-D, STORYC_*, user config, storyc.toml, defaults), read once. A bad setting ends the command: exit 2 when it
     * came from the command line or a STORYC_* variable, exit 1 when it came from a file.
     */
    Settings settings() {
        if (settings == null) {
            SettingsLoader loader = new SettingsLoader(processEnvironment, definitions, projectRoot());
            Result<Settings> loaded = loader.load();
            if (!loaded.ok()) {
                Console early = new Console(out, err, false, quiet, earlyFormat());
                early.diagnostics(loaded.diagnostics(), loader.sources());
                boolean fromFile = loaded.diagnostics().stream().allMatch(d -> d.position().hasLine());
                int exitCode = fromFile ? ExitCode.PROJECT_ERRORS : ExitCode.USAGE;
                early.finish(exitCode);
                throw new CommandFailure(exitCode);
            }
            settings = loaded.get();
            settingsSources = loader.sources();
        }
        return settings;
    }

    /** Returns the process environment as a lookup, for the checks that look for secret values. */
    java.util.function.Function<String, java.util.Optional<String>> processLookup() {
        return processReads().environmentLookup();
    }

    /** Returns what `${env:...}` and `${sys:...}` may read: this process's variables and properties. */
    ProcessValues processValues() {
        return processReads().values();
    }

    /**
     * Returns the process's variables and properties as this run reads them, remembering which it
     * read; one per run, taken when first asked for.
     */
    ProcessReads processReads() {
        if (processReads == null) {
            Map<String, String> properties = new TreeMap<>();
            System.getProperties().forEach(
                    (k, v) -> properties.put(String.valueOf(k), String.valueOf(v)));
            processReads = new ProcessReads(processEnvironment, properties);
        }
        return processReads;
    }

    /**
     * Returns where progress goes: redrawn lines on a terminal when one job runs, plain log lines when
     * stderr is not a terminal, {@code CI} is set or jobs run in parallel, and only warnings with -q.
     */
    Progress progress(int jobs) {
        Progress.Style style = quiet ? Progress.Style.QUIET
                : interactive && jobs == 1 && !processEnvironment.containsKey("CI") ? Progress.Style.TERMINAL
                : Progress.Style.LINES;
        return Progress.to(err, style);
    }

    /**
     * Returns the workspace root, normalised so that messages show a clean path: {@code --project}
     * when given, else the nearest folder upwards that holds an environments.toml, else the current
     * folder (whose load then says that it is not a workspace). A {@code --project} that names a
     * file, or that names nothing, is a usage mistake, exit 2.
     */
    Path projectRoot() {
        if (root == null) {
            if (project == null) {
                root = WorkspaceDiscovery.find(workingDirectory).orElse(workingDirectory);
            } else {
                Path given = workingDirectory.resolve(project).normalize();
                if (!Files.isDirectory(given)) {
                    // A mistyped option, naming nothing or a file: usage, exit 2.
                    Console early = new Console(out, err, false, quiet, earlyFormat());
                    early.failure("--project `" + project + "` "
                                    + (Files.exists(given) ? "is a file, not a folder" : "does not exist"),
                            "pass the workspace folder, the one that holds environments.toml");
                    early.finish(ExitCode.USAGE);
                    throw new CommandFailure(ExitCode.USAGE);
                }
                root = given;
            }
        }
        return root;
    }

    /**
     * Returns the checkout of an output repository storyc works in, outside any workspace, as on
     * a scheduler host or in a Kubernetes pod: the {@code --project} folder when it holds a
     * {@code storyc.lock} and no environments.toml, else, when no workspace holds the folder storyc
     * was started in, the nearest folder from there upwards that holds a {@code storyc.lock}.
     */
    Optional<Path> outputCheckout() {
        if (project != null) {
            Path given = workingDirectory.resolve(project).normalize();
            return Files.isRegularFile(given.resolve(dev.storyc.emit.OutputLayout.LOCK))
                    && !Files.exists(given.resolve("environments.toml")) ? Optional.of(given) : Optional.empty();
        }
        if (WorkspaceDiscovery.find(workingDirectory).isPresent()) {
            return Optional.empty();
        }
        for (Path folder = workingDirectory; folder != null; folder = folder.getParent()) {
            if (Files.isRegularFile(folder.resolve(dev.storyc.emit.OutputLayout.LOCK))) {
                return Optional.of(folder);
            }
        }
        return Optional.empty();
    }

    /** Returns the folder storyc was started in, against which relative paths are resolved. */
    Path workingDirectory() {
        return workingDirectory;
    }

    Project openProject() {
        return openProject(console());
    }

    /**
     * Ends the command with exit 1 when the workspace's {@code required_version} does not admit this
     * storyc: a workspace that needs features this storyc lacks, or that a newer one would read
     * differently, must not be half-compiled.
     */
    void requireVersion(Console console) {
        Optional<Settings.Value> required = settings().get(Setting.REQUIRED_VERSION);
        Optional<VersionRequirement> range = settings().requiredVersion();
        if (required.isEmpty() || range.isEmpty() || range.get().admits(Version.number())) {
            return;
        }
        console.diagnostics(List.of(Diagnostic.error(Code.STORYC_VERSION_MISMATCH,
                        SettingsLoader.positionOf(required.get().source()),
                        "this workspace requires storyc " + range.get().text() + ", but this is storyc "
                                + Version.number())
                .withHint("install a storyc in that range (docs/install.md), or change required_version once"
                        + " the workspace works with " + Version.number())), settingsSources);
        throw new CommandFailure(ExitCode.PROJECT_ERRORS);
    }

    /** Loads the project, printing its problems on {@code console}. */
    Project openProject(Console console) {
        return openProject(console, StoryStamps.NONE, ManifestMemo.NONE);
    }

    /**
     * Opens the project as {@link #openProject(Console)} does, stamping its stories' files and
     * parsing their manifests through {@code manifests}.
     */
    Project openProject(Console console, StoryStamps stamps, ManifestMemo manifests) {
        requireVersion(console);
        Project project = Project.open(projectRoot(), processValues(), console, stamps, manifests);
        console.info("workspace " + project.root() + ": " + Plural.of(project.workspace().stories().size(), "story") + ", "
                + project.workspace().releases().size() + " releases, " + project.environments().all().size()
                + " environments");
        settings().values().forEach((setting, value) ->
                console.info("setting " + setting.key() + " = " + value.value() + " (from " + value.source() + ")"));
        return project;
    }
}
