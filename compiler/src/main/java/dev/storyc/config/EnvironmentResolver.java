package dev.storyc.config;

import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Diagnostics;
import dev.storyc.diag.Result;
import dev.storyc.diag.SourceFile;
import dev.storyc.diag.Spelling;
import dev.storyc.toml.TomlDocument;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Evaluates environments.toml into {@link Environments}. The steps run in a fixed order, each over
 * positioned trees: developer templates are instantiated, {@code extends} is merged, references are
 * resolved, then each environment is checked against the stdlib types and bound to a record.
 *
 * <p>The process environment is a parameter, not a global, so evaluation stays a pure function.
 */
public final class EnvironmentResolver {
    private static final Set<String> SECTIONS = Set.of("bases", "environments", "templates", "developers");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

    private final Diagnostics diagnostics = new Diagnostics();
    private final Function<String, Optional<String>> processEnvironment;

    private EnvironmentResolver(Function<String, Optional<String>> processEnvironment) {
        this.processEnvironment = processEnvironment;
    }

    /** Returns every environment defined by {@code source}, or the diagnostics that prevent it. */
    public static Result<Environments> resolve(
            SourceFile source, SourceFile types, Function<String, Optional<String>> processEnvironment) {
        return new EnvironmentResolver(processEnvironment).run(source, TypeDeclarations.read(types));
    }

    private Result<Environments> run(SourceFile source, TypeDeclarations types) {
        Optional<TomlDocument> parsed = TomlDocument.parse(source, Code.ENV_TOML_SYNTAX, diagnostics);
        if (parsed.isEmpty()) {
            return Result.failed(diagnostics.all());
        }
        TomlDocument doc = parsed.get();
        ConfigTable root = ConfigTrees.fromToml(doc, doc.root(), doc.filePosition());
        for (String key : root.entries().keySet()) {
            if (!SECTIONS.contains(key)) {
                diagnostics.add(Diagnostic.error(Code.ENV_UNKNOWN_SECTION, root.entries().get(key).position(),
                                "environments.toml has no section `" + key + "`")
                        .withHint(Spelling.didYouMean(key, SECTIONS)
                                .orElse("the sections are [bases], [environments], [templates] and [developers]")));
            }
        }
        Map<String, ConfigTable> bases = section(root, "bases");
        Map<String, ConfigTable> environments = section(root, "environments");
        Map<String, ConfigTable> templates = section(root, "templates");
        Map<String, ConfigTable> developers = section(root, "developers");
        if (!developers.isEmpty() || root.get("developers").isPresent()) {
            expandDevelopers(root, templates, environments);
        }

        Map<String, ConfigTable> declared = new LinkedHashMap<>(bases);
        environments.forEach((name, table) -> {
            if (declared.containsKey(name)) {
                diagnostics.add(Diagnostic.error(Code.ENV_DUPLICATE, table.position(),
                                "`" + name + "` is both a base and an environment")
                        .withRelated(declared.get(name).position(), "the base is defined here"));
            }
            declared.put(name, table);
        });
        ExtendsResolver extendsResolver = new ExtendsResolver(declared, diagnostics);
        Map<String, ConfigTable> merged = new LinkedHashMap<>();
        for (String name : declared.keySet()) {
            extendsResolver.resolve(name).ifPresent(table -> merged.put(name, table));
        }
        if (diagnostics.hasErrors()) {
            return Result.failed(diagnostics.all());
        }
        ReferenceResolver references = new ReferenceResolver(merged, processEnvironment, diagnostics);
        TypeChecker checker = new TypeChecker(types, processEnvironment, diagnostics);
        Map<String, Environment> result = new TreeMap<>();
        for (String name : environments.keySet()) {
            ConfigTable resolved = references.resolve(name);
            ConfigTable checked = checker.checkEnvironment(name, resolved);
            if (!diagnostics.hasErrors()) {
                result.put(name, EnvironmentBinder.bind(name, checked));
            }
        }
        if (diagnostics.hasErrors()) {
            return Result.failed(diagnostics.all());
        }
        return Result.of(new Environments(result), diagnostics);
    }

    private void expandDevelopers(ConfigTable root, Map<String, ConfigTable> templates,
            Map<String, ConfigTable> environments) {
        ConfigTable template = templates.get(TemplateExpander.DEVELOPER_TEMPLATE);
        ConfigTable developers = root.get("developers").filter(ConfigTable.class::isInstance)
                .map(ConfigTable.class::cast).orElseThrow();
        if (template == null) {
            diagnostics.add(Diagnostic.error(Code.ENV_FIELD_MISSING, developers.position(),
                            "[developers] needs a [templates.developer] to instantiate")
                    .withHint("add [templates.developer] with the settings every developer environment shares"));
            return;
        }
        new TemplateExpander(diagnostics).expand(template, developers).forEach((name, table) -> {
            if (environments.containsKey(name)) {
                diagnostics.add(Diagnostic.error(Code.ENV_DUPLICATE, table.position(),
                                "developer environment `" + name + "` is also defined under [environments]")
                        .withRelated(environments.get(name).position(), "also defined here"));
                return;
            }
            environments.put(name, table);
        });
    }

    /** Returns the named tables of one section, checking names and shapes. */
    private Map<String, ConfigTable> section(ConfigTable root, String section) {
        Map<String, ConfigTable> tables = new LinkedHashMap<>();
        Optional<ConfigValue> value = root.get(section);
        if (value.isEmpty()) {
            return tables;
        }
        if (!(value.get() instanceof ConfigTable table)) {
            diagnostics.error(Code.ENV_FIELD_TYPE, value.get().position(), "`" + section + "` must be a table");
            return tables;
        }
        for (Map.Entry<String, ConfigValue> entry : table.entries().entrySet()) {
            String name = entry.getKey();
            if (!NAME.matcher(name).matches()) {
                diagnostics.add(Diagnostic.error(Code.ENV_INVALID_NAME, entry.getValue().position(),
                                "`" + name + "` is not a valid name")
                        .withHint("names match [a-z][a-z0-9-]*, such as `acceptance-1`"));
                continue;
            }
            if (!(entry.getValue() instanceof ConfigTable entryTable)) {
                diagnostics.error(Code.ENV_FIELD_TYPE, entry.getValue().position(),
                        "`" + section + "." + name + "` must be a table");
                continue;
            }
            tables.put(name, entryTable);
        }
        return tables;
    }
}
