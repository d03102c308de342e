package dev.storyc.settings;

import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Diagnostics;
import dev.storyc.diag.Position;
import dev.storyc.diag.Result;
import dev.storyc.diag.SourceFile;
import dev.storyc.diag.Spelling;
import dev.storyc.toml.TomlDocument;
import dev.storyc.workspace.SourceText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.configuration2.CompositeConfiguration;
import org.apache.commons.configuration2.Configuration;
import org.apache.commons.configuration2.MapConfiguration;
import org.tomlj.TomlTable;

/**
 * Reads the settings stack into {@link Settings}, highest layer first: {@code -D key=value},
 * {@code STORYC_*} variables, the user's {@code config.toml}, the workspace's {@code storyc.toml},
 * then defaults. The layers are stacked with Commons Configuration's {@link CompositeConfiguration},
 * which also says which layer a value came from.
 *
 * <p>This is an edge: it reads two files. The process environment is a parameter, so tests point
 * {@code HOME} or {@code XDG_CONFIG_HOME} at a folder of their own. Interpolation is switched off:
 * a setting is data, and {@code ${file:...}} in one must not read a file.
 */
public final class SettingsLoader {
    /** The label of values given with {@code -D}, which is also their position's file. */
    public static final String COMMAND_LINE = "command line";

    private final Map<String, String> environment;
    private final List<String> definitions;
    private final Path workspace;
    private final Diagnostics diagnostics = new Diagnostics();
    private final List<SourceFile> sources = new ArrayList<>();
    private final Map<Configuration, Layer> layers = new IdentityHashMap<>();

    /** One layer of the stack: its values and, per key, a description of where it was set. */
    private record Layer(Map<String, Object> values, Map<String, String> sources) {}

    /**
     * @param environment the process environment: {@code STORYC_*}, {@code HOME}, {@code XDG_CONFIG_HOME}
     * @param definitions the {@code -D key=value} options, in order; a later one wins
     * @param workspace the workspace folder, whose {@code storyc.toml} is the lowest file layer
     */
    public SettingsLoader(Map<String, String> environment, List<String> definitions, Path workspace) {
        this.environment = Map.copyOf(environment);
        this.definitions = List.copyOf(definitions);
        this.workspace = workspace;
    }

    /** Returns the settings, or the diagnostics that prevent them. */
    public Result<Settings> load() {
        CompositeConfiguration stack = new CompositeConfiguration();
        stack.setInterpolator(null);
        add(stack, commandLine());
        add(stack, variables());
        userFile().ifPresent(file -> add(stack, file(file, displayName(file))));
        Path workspaceFile = workspace.resolve("storyc.toml");
        if (Files.isRegularFile(workspaceFile)) {
            add(stack, file(workspaceFile, "storyc.toml"));
        }
        Map<Setting, Settings.Value> values = new LinkedHashMap<>();
        for (Setting setting : Setting.values()) {
            if (!stack.containsKey(setting.key())) {
                continue;
            }
            String value = String.valueOf(stack.getProperty(setting.key()));
            String source = sourceOf(stack, setting.key());
            if (!setting.accepts(value)) {
                diagnostics.add(Diagnostic.error(Code.SETTING_INVALID, positionOf(source),
                                "setting `" + setting.key() + "` is `" + redacted(value)
                                        + "`, which is not "
                                        + setting.expected())
                        .withHint("set by " + source));
                continue;
            }
            values.put(setting, new Settings.Value(value, source));
        }
        return diagnostics.hasErrors() ? Result.failed(diagnostics.all()) : Result.of(new Settings(values), diagnostics);
    }

    /**
     * Returns where the value the stack answers for {@code key} was set: the highest layer that has
     * it. (CompositeConfiguration's own getSource refuses keys that several layers set.)
     */
    private String sourceOf(CompositeConfiguration stack, String key) {
        for (int i = 0; i < stack.getNumberOfConfigurations(); i++) {
            Configuration layer = stack.getConfiguration(i);
            if (layer.containsKey(key)) {
                return layers.get(layer).sources().get(key);
            }
        }
        throw new IllegalStateException("no layer has " + key);
    }

    /** Returns the files read, so that diagnostics can quote their lines. */
    public List<SourceFile> sources() {
        return List.copyOf(sources);
    }

    /** Returns the user's config file: $XDG_CONFIG_HOME/storyc/config.toml, else ~/.config/storyc/config.toml. */
    public Optional<Path> userFile() {
        String xdg = environment.get("XDG_CONFIG_HOME");
        Path base;
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            base = Path.of(xdg);
        } else if (environment.get("HOME") != null && !environment.get("HOME").isBlank()) {
            base = Path.of(environment.get("HOME"), ".config");
        } else {
            return Optional.empty();
        }
        Path file = base.resolve("storyc").resolve("config.toml");
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    private void add(CompositeConfiguration stack, Layer layer) {
        MapConfiguration configuration = new MapConfiguration(layer.values());
        configuration.setInterpolator(null);
        layers.put(configuration, layer);
        stack.addConfiguration(configuration);
    }

    private Layer commandLine() {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, String> from = new LinkedHashMap<>();
        for (String definition : definitions) {
            int equals = definition.indexOf('=');
            String key = equals < 0 ? definition : definition.substring(0, equals).strip();
            if (equals < 0 || Setting.byKey(key).isEmpty()) {
                diagnostics.add(Diagnostic.error(Code.SETTING_UNKNOWN, Position.ofFile(COMMAND_LINE),
                                equals < 0 ? "`-D " + definition + "` is not `key=value`"
                                        : "`" + key + "` is not a setting")
                        .withHint(Spelling.didYouMean(key, Setting.keys())
                                .orElse("the settings are " + String.join(", ", Setting.keys()))));
                continue;
            }
            values.put(key, definition.substring(equals + 1).strip());
            from.put(key, "-D " + key + " on the command line");
        }
        return new Layer(values, from);
    }

    private Layer variables() {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, String> from = new LinkedHashMap<>();
        for (Setting setting : Setting.values()) {
            String value = environment.get(setting.variable());
            if (value != null && !value.isEmpty()) {
                values.put(setting.key(), value);
                from.put(setting.key(), "environment variable " + setting.variable());
            }
        }
        return new Layer(values, from);
    }

    private Layer file(Path path, String name) {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, String> from = new LinkedHashMap<>();
        Optional<SourceFile> source;
        try {
            source = SourceText.decode(name, Files.readAllBytes(path), diagnostics);
        } catch (IOException e) {
            diagnostics.error(Code.SETTING_INVALID, Position.ofFile(name), "cannot read `" + name + "`: " + e.getMessage());
            return new Layer(values, from);
        }
        if (source.isEmpty()) {
            return new Layer(values, from);
        }
        sources.add(source.get());
        Optional<TomlDocument> doc = TomlDocument.parse(source.get(), Code.SETTINGS_TOML_SYNTAX, diagnostics);
        doc.ifPresent(d -> flatten(d, d.root(), "", values, from));
        return new Layer(values, from);
    }

    private void flatten(TomlDocument doc, TomlTable table, String prefix, Map<String, Object> values,
            Map<String, String> from) {
        for (String key : table.keySet()) {
            String dotted = prefix + key;
            Object value = table.get(List.of(key));
            Position at = doc.positionOf(table, key);
            if (value instanceof TomlTable nested) {
                flatten(doc, nested, dotted + ".", values, from);
            } else if (Setting.byKey(dotted).isEmpty()) {
                diagnostics.add(Diagnostic.error(Code.SETTING_UNKNOWN, at, "`" + dotted + "` is not a setting")
                        .withHint(Spelling.didYouMean(dotted, Setting.keys())
                                .orElse("the settings are " + String.join(", ", Setting.keys()))));
            } else if (value instanceof String || value instanceof Long || value instanceof Boolean) {
                values.put(dotted, String.valueOf(value));
                from.put(dotted, at.toString());
            } else if (value instanceof org.tomlj.TomlArray array && !array.isEmpty()
                    && array.toList().stream().allMatch(String.class::isInstance)) {
                // A list setting such as ci.live = ["integration"]: stored as the comma-separated
                // string the same setting takes from STORYC_* and -D, and checked as one.
                values.put(dotted, String.join(",", array.toList().stream().map(String.class::cast)
                        .toList()));
                from.put(dotted, at.toString());
            } else {
                diagnostics.error(Code.SETTING_INVALID, at, "setting `" + dotted + "` must be a string, a number or a list of strings");
            }
        }
    }

    private String displayName(Path file) {
        String home = environment.get("HOME");
        if (home != null && !home.isBlank() && file.startsWith(Path.of(home))) {
            return "~/" + Path.of(home).relativize(file).toString().replace('\\', '/');
        }
        return file.toString().replace('\\', '/');
    }

    /**
     * Returns the position a layer's description names, for diagnostics: a file's line, or the
     * {@link #COMMAND_LINE} for {@code -D}.
     */
    public static Position positionOf(String source) {
        String[] parts = source.split(":");
        if (parts.length == 3) {
            try {
                return Position.of(parts[0], Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
            } catch (NumberFormatException e) {
                return Position.ofFile(source);
            }
        }
        return Position.ofFile(source.startsWith("-D") ? COMMAND_LINE : source);
    }

    /**
     * Hides a password that a URL setting should not hold but does, before the value is quoted: a
     * {@code password=} parameter, or the part after the colon of {@code user:password@host}.
     */
    static String redacted(String value) {
        return value.replaceAll("(?i)(password=)[^&\\s]*", "$1****")
                // Up to the last @ before a space: a generated password may hold / # ? or @ itself.
                .replaceAll("(://[^/?#@:\\s]*:)\\S*@", "$1****@");
    }
}
