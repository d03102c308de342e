package dev.storyc.config;

import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Diagnostics;
import dev.storyc.diag.SourceFile;
import dev.storyc.diag.Spelling;
import dev.storyc.toml.TomlDocument;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The records environments are checked against, by record name and field name: those of
 * {@code stdlib/types/environment.toml}, plus those a workspace declares under {@code [types]}.
 */
record TypeDeclarations(Map<String, Map<String, FieldType>> records) {
    static final String ENVIRONMENT = "Environment";
    /** The record a workspace's {@code [types.variables]} declares; it replaces the free-form map. */
    static final String VARIABLES = "Variables";
    private static final Pattern RECORD_NAME = Pattern.compile("[A-Z][A-Za-z0-9]*");

    TypeDeclarations {
        Map<String, Map<String, FieldType>> copy = new LinkedHashMap<>();
        records.forEach((k, v) -> copy.put(k, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        records = java.util.Collections.unmodifiableMap(copy);
    }

    /** Reads the stdlib types file; an error in it is a broken build, not a user mistake. */
    static TypeDeclarations read(SourceFile source) {
        Diagnostics diagnostics = new Diagnostics();
        TomlDocument doc = TomlDocument.parse(source, Code.ENV_TOML_SYNTAX, diagnostics)
                .orElseThrow(() -> new IllegalStateException("stdlib types are invalid: " + diagnostics.all()));
        ConfigTable root = ConfigTrees.fromToml(doc);
        Map<String, Map<String, FieldType>> records = new LinkedHashMap<>();
        declare(root, root.entries().keySet(), records, diagnostics);
        if (diagnostics.hasErrors()) {
            throw new IllegalStateException("stdlib types are invalid: " + diagnostics.all());
        }
        return new TypeDeclarations(records);
    }

    /**
     * Returns these declarations plus a workspace's {@code [types]}: records named in upper camel
     * case, and {@code variables}, whose fields make {@code variables} a closed, typed record.
     */
    TypeDeclarations withWorkspaceTypes(ConfigTable types, Diagnostics diagnostics) {
        Map<String, Map<String, FieldType>> all = new LinkedHashMap<>(records);
        ConfigTable renamed = new ConfigTable(Map.of(), types.position());
        for (var entry : types.entries().entrySet()) {
            String name = entry.getKey();
            if (name.equals("variables")) {
                renamed = renamed.with(VARIABLES, entry.getValue());
            } else if (records.containsKey(name)) {
                diagnostics.error(Code.ENV_TYPE_DECLARATION, entry.getValue().position(),
                        "`" + name + "` is a stdlib record and cannot be declared again");
            } else if (!RECORD_NAME.matcher(name).matches()) {
                diagnostics.add(Diagnostic.error(Code.ENV_TYPE_DECLARATION, entry.getValue().position(),
                                "`types." + name + "` is neither `variables` nor a record name")
                        .withHint(Spelling.didYouMean(name, Set.of("variables"))
                                .orElse("record names are in upper camel case, such as `Cohort`")));
            } else {
                renamed = renamed.with(name, entry.getValue());
            }
        }
        Set<String> names = new LinkedHashSet<>(records.keySet());
        names.addAll(renamed.entries().keySet());
        declare(renamed, names, all, diagnostics);
        if (all.containsKey(VARIABLES)) {
            Map<String, FieldType> environment = new LinkedHashMap<>(all.get(ENVIRONMENT));
            FieldType variables = environment.get("variables");
            environment.put("variables", new FieldType("variables", VARIABLES, false,
                    Optional.of(new ConfigTable(Map.of(), types.position())), java.util.List.of(), Optional.empty(),
                    Optional.empty(), Optional.empty(), variables.doc(), types.position()));
            all.put(ENVIRONMENT, environment);
        }
        return new TypeDeclarations(all);
    }

    private static void declare(ConfigTable root, Set<String> recordNames, Map<String, Map<String, FieldType>> into,
            Diagnostics diagnostics) {
        for (var record : root.entries().entrySet()) {
            Map<String, FieldType> fields = new LinkedHashMap<>();
            String label = record.getKey().equals(VARIABLES) ? "types.variables" : "types." + record.getKey();
            if (!(record.getValue() instanceof ConfigTable declared)) {
                diagnostics.error(Code.ENV_TYPE_DECLARATION, record.getValue().position(),
                        "`" + label + "` must be a table of field declarations");
                continue;
            }
            for (var field : declared.entries().entrySet()) {
                FieldSpecs.parse(label + "." + field.getKey(), field.getKey(), field.getValue(), recordNames, diagnostics)
                        .ifPresent(type -> fields.put(field.getKey(), withDefaultOrigin(record.getKey(), type)));
            }
            into.put(record.getKey(), fields);
        }
    }

    /** Marks a declared default's values as defaults, so `env explain` can say where they come from. */
    private static FieldType withDefaultOrigin(String record, FieldType type) {
        if (type.defaultValue().isEmpty()) {
            return type;
        }
        ConfigValue value = type.defaultValue().get();
        Origin origin = new Origin.Defaulted(record, type.name(), value.position());
        return new FieldType(type.name(), type.type(), type.required(), Optional.of(value.mapOrigins(o -> origin)),
                type.values(), type.pattern(), type.min(), type.max(), type.doc(), type.declaredAt());
    }

    Map<String, FieldType> record(String name) {
        Map<String, FieldType> record = records.get(name);
        if (record == null) {
            throw new IllegalStateException("no record " + name);
        }
        return record;
    }

    boolean isRecord(String type) {
        return records.containsKey(type);
    }

    /** Returns the field declared at a dotted path of the Environment record, if the path is typed. */
    Optional<FieldType> fieldAt(String dottedPath) {
        String record = ENVIRONMENT;
        FieldType field = null;
        for (String part : dottedPath.split("\\.", -1)) {
            if (record == null) {
                if (field != null && field.isMap() && isRecord(field.elementType().orElse(""))) {
                    record = field.elementType().get();
                    continue;
                }
                return field != null && field.isMap() ? Optional.of(field.element()) : Optional.empty();
            }
            field = records.getOrDefault(record, Map.of()).get(part);
            if (field == null) {
                return Optional.empty();
            }
            record = isRecord(field.type()) ? field.type() : null;
        }
        return Optional.ofNullable(field);
    }
}
