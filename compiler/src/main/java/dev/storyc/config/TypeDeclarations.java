package dev.storyc.config;

import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostics;
import dev.storyc.diag.SourceFile;
import dev.storyc.toml.TomlDocument;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.tomlj.TomlTable;

/** The records declared in {@code stdlib/types/environment.toml}, by record name and field name. */
record TypeDeclarations(Map<String, Map<String, FieldType>> records) {
    static final String ENVIRONMENT = "Environment";

    /** Reads the types file; an error in it is a broken build, not a user mistake. */
    static TypeDeclarations read(SourceFile source) {
        Diagnostics diagnostics = new Diagnostics();
        TomlDocument doc = TomlDocument.parse(source, Code.ENV_TOML_SYNTAX, diagnostics)
                .orElseThrow(() -> new IllegalStateException("stdlib types are invalid: " + diagnostics.all()));
        Map<String, Map<String, FieldType>> records = new LinkedHashMap<>();
        for (String record : doc.root().keySet()) {
            TomlTable fields = doc.root().getTable(List.of(record));
            Map<String, FieldType> declared = new LinkedHashMap<>();
            for (String field : fields.keySet()) {
                TomlTable spec = fields.getTable(List.of(field));
                declared.put(field, new FieldType(
                        field,
                        spec.getString("type"),
                        Boolean.TRUE.equals(spec.getBoolean("required")),
                        spec.contains("default")
                                ? Optional.of(defaultOf(doc, spec))
                                : Optional.empty(),
                        spec.isArray("values") ? spec.getArray("values").toList().stream().map(String::valueOf).toList()
                                : List.of(),
                        Optional.ofNullable(spec.getString("pattern")).map(Pattern::compile),
                        Optional.ofNullable(spec.getLong("min")),
                        Optional.ofNullable(spec.getLong("max")),
                        Optional.ofNullable(spec.getString("doc"))));
            }
            records.put(record, declared);
        }
        return new TypeDeclarations(records);
    }

    private static ConfigValue defaultOf(TomlDocument doc, TomlTable spec) {
        Object value = spec.get("default");
        if (value instanceof TomlTable table) {
            return ConfigTrees.fromToml(doc, table, doc.positionOf(spec, "default"));
        }
        return new ConfigScalar(value, doc.positionOf(spec, "default"));
    }

    Map<String, FieldType> record(String name) {
        Map<String, FieldType> record = records.get(name);
        if (record == null) {
            throw new IllegalStateException("stdlib types lack record " + name);
        }
        return record;
    }

    boolean isRecord(String type) {
        return records.containsKey(type);
    }
}
