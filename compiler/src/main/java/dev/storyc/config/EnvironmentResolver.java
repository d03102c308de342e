package dev.storyc.config;

import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Diagnostics;
import dev.storyc.diag.Result;
import dev.storyc.diag.SourceFile;
import dev.storyc.diag.Spelling;
import dev.storyc.toml.TomlDocument;
import dev.storyc.workspace.ImportedFile;
import dev.storyc.workspace.Workspace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Evaluates environments.toml into {@link Environments}. The steps run in a fixed order, each over
 * positioned trees: imports are joined in, workspace types declared, developer templates
 * instantiated, {@code extends} merged, references resolved, then each environment is checked
 * against the types and bound to a record.
 *
 * <p>The process (environment variables, system properties) and the imported files are parameters,
 * not globals or disk reads, so evaluation stays a pure function.
 */
public final class EnvironmentResolver {
    static final List<String> SECTIONS = List.of("imports", "types", "bases", "environments", "templates", "developers");
    private static final Set<String> IMPORTED_SECTIONS = Set.of("types", "bases", "environments", "templates");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");
    /**
     * The longest environment (and developer) name: PostgreSQL's identifiers stop at 63, which a
     * developer's registry schema may be named after, and file names at 255 bytes.
     */
    private static final int MAX_NAME = 63;

    private final Diagnostics diagnostics = new Diagnostics();
    private final ProcessValues process;
    private final Map<String, ImportedFile> imported;

    private EnvironmentResolver(ProcessValues process, Map<String, ImportedFile> imported) {
        this.process = process;
        this.imported = imported;
    }

    /** Returns every environment defined by {@code source}, which imports nothing, or the diagnostics. */
    public static Result<Environments> resolve(
            SourceFile source, SourceFile types, Function<String, Optional<String>> processEnvironment) {
        ProcessValues process = new ProcessValues(processEnvironment, name -> Optional.empty());
        Result<Evaluation> result = new EnvironmentResolver(process, Map.of()).run(source, TypeDeclarations.read(types));
        return new Result<>(result.value().map(Evaluation::environments), result.diagnostics());
    }

    /** Returns every environment of a loaded workspace, or the diagnostics that prevent it. */
    public static Result<Environments> resolve(Workspace workspace, ProcessValues process) {
        Result<Evaluation> result = evaluate(workspace, process);
        return new Result<>(result.value().map(Evaluation::environments), result.diagnostics());
    }

    /** Returns the environments of a workspace together with the trees that explain them. */
    public static Result<Evaluation> evaluate(Workspace workspace, ProcessValues process) {
        return new EnvironmentResolver(process, workspace.environmentImports())
                .run(workspace.environments().orElseThrow(), TypeDeclarations.read(workspace.stdlib().environmentType()));
    }

    private Result<Evaluation> run(SourceFile source, TypeDeclarations stdlibTypes) {
        Optional<TomlDocument> parsed = TomlDocument.parse(source, Code.ENV_TOML_SYNTAX, diagnostics);
        if (parsed.isEmpty()) {
            return Result.failed(diagnostics.all());
        }
        ConfigTable root = ConfigTrees.fromToml(parsed.get());
        if (!NestingLimit.check(root, diagnostics)) {
            return Result.failed(diagnostics.all());
        }
        checkSections(root, SECTIONS, "the sections are " + String.join(", ", SECTIONS));
        List<ConfigTable> files = new java.util.ArrayList<>();
        files.add(root);
        files.addAll(new ImportChecker(imported, diagnostics).check(root));
        if (!files.stream().skip(1).allMatch(file -> NestingLimit.check(file, diagnostics))) {
            return Result.failed(diagnostics.all());
        }
        for (ConfigTable file : files.subList(1, files.size())) {
            for (var entry : file.entries().entrySet()) {
                if (!IMPORTED_SECTIONS.contains(entry.getKey())) {
                    diagnostics.add(Diagnostic.error(Code.ENV_UNKNOWN_SECTION, entry.getValue().position(),
                                    "an imported file cannot hold `" + entry.getKey() + "`")
                            .withHint("an imported file may hold [types], [bases], [environments] and [templates];"
                                    + " imports and [developers] belong in environments.toml"));
                }
            }
        }

        ConfigTable userTypes = union(files, "types", "type");
        TypeDeclarations types = stdlibTypes.withWorkspaceTypes(userTypes, diagnostics);
        VariableLookups lookups = new VariableLookups(process);
        TypeChecker checker = new TypeChecker(types, lookups, diagnostics);
        checkDefaults(types, stdlibTypes, checker);

        Map<String, ConfigTable> bases = named(union(files, "bases", "base"), "bases");
        Map<String, ConfigTable> environments = named(union(files, "environments", "environment"), "environments");
        Map<String, ConfigTable> templates = named(union(files, "templates", "template"), "templates");
        for (var template : templates.entrySet()) {
            if (!template.getKey().equals(TemplateExpander.DEVELOPER_TEMPLATE)) {
                diagnostics.add(Diagnostic.error(Code.ENV_UNKNOWN_SECTION, template.getValue().position(),
                                "there is no template `" + template.getKey() + "`")
                        .withHint(Spelling.didYouMean(template.getKey(), Set.of(TemplateExpander.DEVELOPER_TEMPLATE))
                                .orElse("the one template is [templates.developer], instantiated for each of [developers]")));
            }
        }
        if (root.get("developers").isPresent()) {
            expandDevelopers(root, templates, environments, types, checker);
        }

        if (environments.isEmpty() && !diagnostics.hasErrors()) {
            // Compiling nothing and saying "0 environments" would hide a file that lost its
            // environments (an empty file, a bad merge, everything commented out).
            diagnostics.add(Diagnostic.error(Code.ENV_NONE_DEFINED, dev.storyc.diag.Position.of(source.path(), 1, 1),
                            "environments.toml defines no environment")
                    .withHint("define one, such as [environments.production] with `kind`, `connection`,"
                            + " `release` and `warehouse`; see docs/environments.md"));
            return Result.failed(diagnostics.all());
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
        // An `extends` error does not hide the rest of the file: every environment that resolved
        // is checked on, and only what a partial one may lack through its parents is held back.
        Set<String> resolvable = new java.util.LinkedHashSet<>(environments.keySet());
        resolvable.retainAll(merged.keySet());
        Diagnostics referenceProblems = new Diagnostics();
        ReferenceResolver references = new ReferenceResolver(merged, resolvable, lookups, referenceProblems,
                path -> types.fieldAt(path).filter(f -> !f.type().equals("secret") && !f.type().equals("any"))
                        .isPresent());
        Map<String, ConfigTable> resolved = new LinkedHashMap<>();
        Diagnostics typeProblems = new Diagnostics();
        TypeChecker bodyChecker = new TypeChecker(types, lookups, typeProblems);
        Map<String, ConfigTable> trees = new TreeMap<>();
        for (String name : resolvable) {
            int references0 = referenceProblems.size();
            int types0 = typeProblems.size();
            resolved.put(name, references.resolve(name));
            trees.put(name, bodyChecker.checkEnvironment(name, resolved.get(name)));
            if (extendsResolver.partial(name)) {
                referenceProblems.dropSince(references0, d -> d.code() == Code.ENV_UNDEFINED_REFERENCE);
                typeProblems.dropSince(types0, d -> d.code() == Code.ENV_FIELD_MISSING);
            }
        }
        references.reportUnset();
        // A value whose reference failed is reported once, at its reference, not again by its type.
        Set<dev.storyc.diag.Position> unresolved = new java.util.HashSet<>();
        referenceProblems.all().forEach(d -> unresolved.add(d.position()));
        diagnostics.addAll(referenceProblems.all());
        typeProblems.all().stream().filter(d -> !unresolved.contains(d.position())).forEach(diagnostics::add);
        if (diagnostics.hasErrors()) {
            return Result.failed(diagnostics.all());
        }
        ProductionIsolation.check(trees, diagnostics);
        if (diagnostics.hasErrors()) {
            return Result.failed(diagnostics.all());
        }
        SharedWarehouses.check(trees, diagnostics);
        if (diagnostics.hasErrors()) {
            return Result.failed(diagnostics.all());
        }
        Map<String, Environment> result = new TreeMap<>();
        trees.forEach((name, checked) -> result.put(name, EnvironmentBinder.bind(name, checked)));
        return Result.of(new Evaluation(new Environments(result), trees), diagnostics);
    }

    private void checkSections(ConfigTable file, List<String> allowed, String hint) {
        for (var entry : file.entries().entrySet()) {
            if (!allowed.contains(entry.getKey())) {
                diagnostics.add(Diagnostic.error(Code.ENV_UNKNOWN_SECTION, entry.getValue().position(),
                                "environments.toml has no section `" + entry.getKey() + "`")
                        .withHint(Spelling.didYouMean(entry.getKey(), allowed).orElse(hint)));
            }
        }
    }

    /** Checks the defaults a workspace declares, once, where they are declared. */
    private void checkDefaults(TypeDeclarations types, TypeDeclarations stdlib, TypeChecker checker) {
        types.records().forEach((record, fields) -> fields.values().forEach(field -> {
            boolean fromStdlib = stdlib.records().containsKey(record)
                    && stdlib.record(record).get(field.name()) == field;
            if (!fromStdlib && field.defaultValue().isPresent() && !types.isRecord(field.type())) {
                String label = record.equals(TypeDeclarations.VARIABLES) ? "variables" : record;
                checker.checkValue("types." + label + "." + field.name(), field, field.defaultValue().get());
            }
        }));
    }

    /** Returns one section's tables from every file; a name defined in two files is an error. */
    private ConfigTable union(List<ConfigTable> files, String section, String noun) {
        Map<String, ConfigValue> entries = new LinkedHashMap<>();
        ConfigTable first = null;
        for (ConfigTable file : files) {
            Optional<ConfigValue> value = file.get(section);
            if (value.isEmpty()) {
                continue;
            }
            if (!(value.get() instanceof ConfigTable table)) {
                diagnostics.error(Code.ENV_FIELD_TYPE, value.get().position(), "`" + section + "` must be a table");
                continue;
            }
            first = first == null ? table : first;
            for (var entry : table.entries().entrySet()) {
                ConfigValue previous = entries.putIfAbsent(entry.getKey(), entry.getValue());
                if (previous != null) {
                    diagnostics.add(Diagnostic.error(Code.ENV_DUPLICATE, entry.getValue().position(),
                                    "the " + noun + " `" + entry.getKey() + "` is defined twice")
                            .withRelated(previous.position(), "it is first defined here"));
                }
            }
        }
        return new ConfigTable(entries, first == null ? files.get(0).position() : first.position());
    }

    private void expandDevelopers(ConfigTable root, Map<String, ConfigTable> templates,
            Map<String, ConfigTable> environments, TypeDeclarations types, TypeChecker checker) {
        ConfigTable template = templates.get(TemplateExpander.DEVELOPER_TEMPLATE);
        ConfigValue value = root.get("developers").orElseThrow();
        if (!(value instanceof ConfigTable developers)) {
            diagnostics.add(Diagnostic.error(Code.ENV_FIELD_TYPE, value.position(), "`developers` must be a table")
                    .withHint("write one line per developer under [developers], such as `alice = {}`"));
            return;
        }
        if (template == null) {
            diagnostics.add(Diagnostic.error(Code.ENV_FIELD_MISSING, developers.position(),
                            "[developers] needs a [templates.developer] to instantiate")
                    .withHint("add [templates.developer] with the settings every developer environment shares"));
            return;
        }
        Map<String, ConfigValue> valid = new LinkedHashMap<>();
        developers.entries().forEach((name, entry) -> {
            if (NAME.matcher(name).matches() && name.length() <= MAX_NAME - "dev-".length()) {
                valid.put(name, entry);
            } else {
                diagnostics.add(Diagnostic.error(Code.ENV_INVALID_NAME, entry.position(),
                                "`" + name + "` is not a valid developer name")
                        .withHint("names match [a-z][a-z0-9-]*, at most " + (MAX_NAME - "dev-".length())
                                + " characters, such as `alice`; the environment is dev-<name>"));
            }
        });
        new TemplateExpander(diagnostics, checker).expand(template, developers.withEntries(valid), types.records().keySet())
                .forEach((name, table) -> {
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
    private Map<String, ConfigTable> named(ConfigTable section, String label) {
        Map<String, ConfigTable> tables = new LinkedHashMap<>();
        for (Map.Entry<String, ConfigValue> entry : section.entries().entrySet()) {
            String name = entry.getKey();
            if (!NAME.matcher(name).matches()) {
                diagnostics.add(Diagnostic.error(Code.ENV_INVALID_NAME, entry.getValue().position(),
                                "`" + name + "` is not a valid name")
                        .withHint("names match [a-z][a-z0-9-]*, such as `acceptance-1`"));
                continue;
            }
            if (name.length() > MAX_NAME) {
                diagnostics.add(Diagnostic.error(Code.ENV_INVALID_NAME, entry.getValue().position(),
                                "`" + name.substring(0, 20) + "…` has " + name.length() + " characters, and a name"
                                        + " has at most " + MAX_NAME)
                        .withHint("shorten it: an environment's name is a folder's (out/<name>), a branch's"
                                + " and a database registry's word"));
                continue;
            }
            if (!(entry.getValue() instanceof ConfigTable entryTable)) {
                diagnostics.error(Code.ENV_FIELD_TYPE, entry.getValue().position(),
                        "`" + label + "." + name + "` must be a table");
                continue;
            }
            tables.put(name, entryTable);
        }
        return tables;
    }
}
