package dev.storyc.config;

import dev.storyc.diag.JsonText;
import dev.storyc.diag.SourceFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a JSON Schema (draft-07, which Taplo and Even Better TOML understand) of environments.toml,
 * generated from the stdlib types so that the editor and the compiler never disagree. Any value may
 * also be a whole {@code ${reference}}, and patterned strings may contain references, because the
 * schema sees the file before evaluation.
 */
public final class JsonSchema {
    static final String REFERENCE = "^\\$\\{[^}]+\\}$";
    static final String CONTAINS_REFERENCE = "\\$\\{";
    static final String NAME = "^[a-z][a-z0-9-]*$";

    private JsonSchema() {}

    /** Returns the schema for the Environment record declared in the stdlib types file. */
    public static String of(SourceFile stdlibTypes) {
        TypeDeclarations types = TypeDeclarations.read(stdlibTypes);
        Map<String, Object> definitions = new LinkedHashMap<>();
        definitions.put("Reference", map("type", "string", "pattern", REFERENCE,
                "description", "A whole-value reference: ${path}, ${environments.E.path}, ${env:VAR} or ${sys:NAME}."));
        types.records().forEach((name, fields) -> definitions.put(name, record(types, fields, false)));
        definitions.put("EnvironmentEntry", record(types, types.record(TypeDeclarations.ENVIRONMENT), true));
        definitions.put("FieldDeclaration", fieldDeclaration());

        Map<String, Object> template = record(types, types.record(TypeDeclarations.ENVIRONMENT), true);
        properties(template).put("params", map("type", "object",
                "description", "Typed parameters, used as ${params.NAME}; `name` is always defined.",
                "additionalProperties", ref("FieldDeclaration")));

        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("imports", map("type", "array", "description",
                "Files whose bases, environments, templates and types join this one; pinned by sha256.",
                "items", map("type", "object", "additionalProperties", false, "required", List.of("path"),
                        "properties", map(
                                "path", map("type", "string", "description", "Relative to the workspace, inside it."),
                                "sha256", map("type", "string", "pattern", "^[0-9a-f]{64}$",
                                        "description", "Written by `storyc env freeze`.")))));
        properties.put("types", map("type", "object", "description",
                "Workspace types: `variables` types env.variables; upper-camel-case tables declare records.",
                "propertyNames", map("pattern", "^(variables|[A-Z][A-Za-z0-9]*)$"),
                "additionalProperties", map("type", "object", "additionalProperties", ref("FieldDeclaration"))));
        properties.put("bases", named("Shared settings that environments extend; never compiled.", ref("EnvironmentEntry")));
        properties.put("environments", named("One entry per environment: a Looker project, a database and an"
                + " output repository.", ref("EnvironmentEntry")));
        properties.put("templates", map("type", "object", "additionalProperties", false,
                "properties", map("developer", template)));
        properties.put("developers", named("Each entry becomes the environment dev-<name> from [templates.developer].",
                map("type", "object", "description", "The developer template's parameters.")));

        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("$schema", "http://json-schema.org/draft-07/schema#");
        schema.put("$id", "https://storyc.dev/schemas/environments.schema.json");
        schema.put("title", "storyc environments.toml");
        schema.put("description", "Environments of a storyc workspace; see docs/environments.md.");
        schema.put("type", "object");
        schema.put("additionalProperties", false);
        schema.put("properties", properties);
        schema.put("definitions", definitions);
        StringBuilder out = new StringBuilder();
        write(out, schema, "");
        return out.append('\n').toString();
    }

    private static Map<String, Object> record(TypeDeclarations types, Map<String, FieldType> fields, boolean entry) {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (entry) {
            properties.put("extends", map("type", "array", "items", map("type", "string", "pattern", NAME),
                    "description", "Parents, merged in order: tables merge, scalars and lists are replaced."));
        }
        fields.values().forEach(field -> properties.put(field.name(), field(types, field, field.type())));
        return map("type", "object", "additionalProperties", false, "properties", properties);
    }

    private static Object field(TypeDeclarations types, FieldType field, String type) {
        Map<String, Object> schema = new LinkedHashMap<>();
        if (type.startsWith("list<")) {
            schema.put("type", "array");
            schema.put("items", field(types, field, type.substring(5, type.length() - 1)));
        } else if (type.startsWith("map<")) {
            schema.put("type", "object");
            schema.put("additionalProperties", field(types, field, type.substring(4, type.length() - 1)));
        } else if (types.isRecord(type)) {
            schema.put("$ref", "#/definitions/" + type);
        } else {
            switch (type) {
                case "string" -> {
                    schema.put("type", "string");
                    field.pattern().ifPresent(p -> schema.put("anyOf", List.of(map("pattern", p.pattern()),
                            map("pattern", CONTAINS_REFERENCE))));
                }
                case "int" -> {
                    schema.put("type", "integer");
                    field.min().ifPresent(m -> schema.put("minimum", m));
                    field.max().ifPresent(m -> schema.put("maximum", m));
                }
                case "bool" -> schema.put("type", "boolean");
                case "enum" -> schema.put("enum", field.values());
                case "url", "path" -> schema.put("type", "string");
                case "identifier" -> {
                    // Reserved words are refused by check; a schema pattern that lists them would be
                    // unreadable in an editor's hover.
                    schema.put("type", "string");
                    schema.put("anyOf", List.of(map("pattern", "^[a-z_][a-z0-9_]{0,62}$"),
                            map("pattern", CONTAINS_REFERENCE)));
                }
                case "secret" -> {
                    schema.put("type", "string");
                    schema.put("pattern", "^\\$\\{(env:[A-Za-z_][A-Za-z0-9_]*|[A-Za-z0-9_.-]+)\\}$");
                }
                default -> {
                    // `any` accepts every value.
                }
            }
        }
        if (type.equals(field.type())) {
            field.doc().ifPresent(d -> schema.put("description", d));
            field.defaultValue().filter(v -> !(v instanceof ConfigTable)).ifPresent(v -> schema.put("default", v.toPlain()));
        }
        if (type.equals("any") || type.equals("secret") || type.equals("identifier")
                || type.equals("string") && field.pattern().isPresent()) {
            return schema;
        }
        Map<String, Object> either = new LinkedHashMap<>();
        schema.forEach((k, v) -> {
            if (k.equals("description") || k.equals("default")) {
                either.put(k, v);
            }
        });
        schema.remove("description");
        schema.remove("default");
        either.put("anyOf", List.of(schema, ref("Reference")));
        return either;
    }

    private static Map<String, Object> fieldDeclaration() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("type", map("type", "string", "description",
                "string, int, bool, enum, url, path, secret, any, list<T>, map<T> or a record name"));
        properties.put("required", map("type", "boolean"));
        properties.put("default", map());
        properties.put("values", map("type", "array", "items", map("type", "string")));
        properties.put("pattern", map("type", "string"));
        properties.put("min", map("type", "integer"));
        properties.put("max", map("type", "integer"));
        properties.put("doc", map("type", "string"));
        return map("type", "object", "additionalProperties", false, "required", List.of("type"),
                "properties", properties);
    }

    private static Map<String, Object> named(String description, Object entry) {
        return map("type", "object", "description", description, "propertyNames", map("pattern", NAME),
                "additionalProperties", entry);
    }

    private static Map<String, Object> ref(String definition) {
        return map("$ref", "#/definitions/" + definition);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Map<String, Object> record) {
        return (Map<String, Object>) record.get("properties");
    }

    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static void write(StringBuilder out, Object value, String indent) {
        if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append("{\n");
            List<String> entries = new ArrayList<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                StringBuilder item = new StringBuilder(indent + "  " + JsonText.quote((String) entry.getKey())
                        + ": ");
                write(item, entry.getValue(), indent + "  ");
                entries.add(item.toString());
            }
            out.append(String.join(",\n", entries)).append('\n').append(indent).append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ", ");
                write(out, list.get(i), indent);
            }
            out.append(']');
        } else if (value instanceof String text) {
            out.append(JsonText.quote(text));
        } else {
            out.append(value);
        }
    }
}
