package dev.storyc.config;

import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Diagnostics;
import dev.storyc.diag.Position;
import dev.storyc.diag.Spelling;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Checks a resolved environment table against the declared records, fills in defaults and reports
 * every problem it finds in one pass: unknown keys (with "did you mean"), missing required fields,
 * wrong types and broken constraints.
 */
final class TypeChecker {
    private final TypeDeclarations types;
    private final Function<String, Optional<String>> processEnvironment;
    private final Diagnostics diagnostics;

    TypeChecker(TypeDeclarations types, Function<String, Optional<String>> processEnvironment, Diagnostics diagnostics) {
        this.types = types;
        this.processEnvironment = processEnvironment;
        this.diagnostics = diagnostics;
    }

    /** Returns the table checked as the Environment record, with defaults filled in. */
    ConfigTable checkEnvironment(String environment, ConfigTable table) {
        return checkRecord(environment, "", TypeDeclarations.ENVIRONMENT, table);
    }

    private ConfigTable checkRecord(String environment, String path, String record, ConfigTable table) {
        Map<String, FieldType> fields = types.record(record);
        Map<String, ConfigValue> checked = new LinkedHashMap<>();
        for (Map.Entry<String, ConfigValue> entry : table.entries().entrySet()) {
            String key = entry.getKey();
            FieldType field = fields.get(key);
            if (field == null) {
                diagnostics.add(Diagnostic.error(Code.ENV_UNKNOWN_FIELD, entry.getValue().position(),
                                "`" + join(path, key) + "` is not a field of " + describe(record))
                        .withHint(Spelling.didYouMean(key, fields.keySet())
                                .orElse("the fields are " + String.join(", ", fields.keySet()))));
                continue;
            }
            checkField(environment, join(path, key), field, entry.getValue()).ifPresent(v -> checked.put(key, v));
        }
        for (FieldType field : fields.values()) {
            if (checked.containsKey(field.name()) || table.entries().containsKey(field.name())) {
                continue;
            }
            if (field.defaultValue().isPresent()) {
                ConfigValue value = field.defaultValue().get();
                checked.put(field.name(), types.isRecord(field.type()) && value instanceof ConfigTable t
                        ? checkRecord(environment, join(path, field.name()), field.type(), relocate(t, table.position()))
                        : value);
            } else if (field.required()) {
                diagnostics.add(Diagnostic.error(Code.ENV_FIELD_MISSING, table.position(),
                                "environment `" + environment + "` does not set `" + join(path, field.name()) + "`")
                        .withHint(field.doc().orElse("add `" + field.name() + " = ...` to it or to a parent it extends")));
            }
        }
        return new ConfigTable(checked, table.position());
    }

    private static ConfigTable relocate(ConfigTable table, Position at) {
        return new ConfigTable(table.entries(), at);
    }

    private Optional<ConfigValue> checkField(String environment, String path, FieldType field, ConfigValue value) {
        String type = field.type();
        if (types.isRecord(type)) {
            if (value instanceof ConfigTable table) {
                return Optional.of(checkRecord(environment, path, type, table));
            }
            return mismatch(path, "a table", value);
        }
        if (field.isList() || field.isMap()) {
            return checkCollection(environment, path, field, value);
        }
        if (value.toPlain() instanceof SecretReference secret && !type.equals("secret")) {
            // An ${env:VAR} in a plain field is read now; only secret fields keep the reference.
            Optional<String> read = processEnvironment.apply(secret.variable()).or(secret::fallback);
            if (read.isEmpty()) {
                diagnostics.add(Diagnostic.error(Code.ENV_UNDEFINED_REFERENCE, value.position(),
                                "environment variable `" + secret.variable() + "` is not set")
                        .withHint("set it, or give a default: `${env:" + secret.variable() + ":-value}`"));
                return Optional.empty();
            }
            value = new ConfigScalar(read.get(), value.position());
        }
        Object plain = value.toPlain();
        switch (type) {
            case "any":
                return Optional.of(value);
            case "secret":
                if (plain instanceof SecretReference) {
                    return Optional.of(value);
                }
                diagnostics.add(Diagnostic.error(Code.ENV_FIELD_TYPE, value.position(),
                                "`" + path + "` is a secret and must be a reference, not a value")
                        .withHint("write `" + path.substring(path.lastIndexOf('.') + 1)
                                + " = \"${env:VARIABLE}\"` and set VARIABLE where storyc runs; secrets never live in files"));
                return Optional.empty();
            case "bool":
                return plain instanceof Boolean ? Optional.of(value) : mismatch(path, "a boolean", value);
            case "int":
                if (!(plain instanceof Long number)) {
                    return mismatch(path, "an integer", value);
                }
                return checkRange(path, field, number, value);
            case "enum":
                if (!(plain instanceof String text)) {
                    return mismatch(path, "one of " + String.join(", ", field.values()), value);
                }
                if (!field.values().contains(text)) {
                    diagnostics.add(Diagnostic.error(Code.ENV_CONSTRAINT, value.position(),
                                    "`" + path + "` is `" + text + "`, which is not one of " + String.join(", ", field.values()))
                            .withHint(Spelling.didYouMean(text, field.values()).orElse(field.doc().orElse(
                                    "choose one of " + String.join(", ", field.values())))));
                    return Optional.empty();
                }
                return Optional.of(value);
            case "url":
                if (!(plain instanceof String url)) {
                    return mismatch(path, "a URL string", value);
                }
                return checkUrl(path, url, value);
            case "string":
                if (!(plain instanceof String text)) {
                    return mismatch(path, "a string", value);
                }
                if (field.pattern().isPresent() && !field.pattern().get().matcher(text).matches()) {
                    diagnostics.add(Diagnostic.error(Code.ENV_CONSTRAINT, value.position(),
                                    "`" + path + "` is `" + text + "`, which does not match " + field.pattern().get())
                            .withHint(field.doc().orElse("use letters, digits and underscores")));
                    return Optional.empty();
                }
                return Optional.of(value);
            default:
                throw new IllegalStateException("stdlib types use unknown type " + type);
        }
    }

    private Optional<ConfigValue> checkCollection(String environment, String path, FieldType field, ConfigValue value) {
        String element = field.elementType().orElseThrow();
        FieldType elementField = new FieldType(field.name(), element, false, Optional.empty(), List.of(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        if (field.isList()) {
            if (!(value instanceof ConfigList list)) {
                return mismatch(path, "a list", value);
            }
            List<ConfigValue> items = new ArrayList<>();
            for (int i = 0; i < list.items().size(); i++) {
                checkField(environment, path + "[" + i + "]", elementField, list.items().get(i)).ifPresent(items::add);
            }
            return Optional.of(new ConfigList(items, list.position()));
        }
        if (!(value instanceof ConfigTable table)) {
            return mismatch(path, "a table", value);
        }
        Map<String, ConfigValue> entries = new LinkedHashMap<>();
        table.entries().forEach((k, v) -> checkField(environment, join(path, k), elementField, v)
                .ifPresent(checked -> entries.put(k, checked)));
        return Optional.of(new ConfigTable(entries, table.position()));
    }

    private Optional<ConfigValue> checkRange(String path, FieldType field, long number, ConfigValue value) {
        boolean low = field.min().isPresent() && number < field.min().get();
        boolean high = field.max().isPresent() && number > field.max().get();
        if (low || high) {
            diagnostics.error(Code.ENV_CONSTRAINT, value.position(), "`" + path + "` is " + number
                    + ", outside " + field.min().map(String::valueOf).orElse("-inf") + ".."
                    + field.max().map(String::valueOf).orElse("inf"));
            return Optional.empty();
        }
        return Optional.of(value);
    }

    private Optional<ConfigValue> checkUrl(String path, String url, ConfigValue value) {
        try {
            URI uri = new URI(url);
            boolean scp = uri.getScheme() == null && url.matches("[A-Za-z0-9._-]+@[A-Za-z0-9._-]+:.+");
            if (uri.getScheme() == null && !scp) {
                throw new URISyntaxException(url, "no scheme");
            }
            return Optional.of(value);
        } catch (URISyntaxException e) {
            diagnostics.add(Diagnostic.error(Code.ENV_CONSTRAINT, value.position(), "`" + path + "` is not a URL")
                    .withHint("use file://, git://, https:// or ssh:// (or user@host:path)"));
            return Optional.empty();
        }
    }

    private Optional<ConfigValue> mismatch(String path, String expected, ConfigValue value) {
        Object plain = value.toPlain();
        diagnostics.error(Code.ENV_FIELD_TYPE, value.position(),
                "`" + path + "` must be " + expected + ", not a " + ConfigTypes.nameOf(plain));
        return Optional.empty();
    }

    private static String describe(String record) {
        return record.equals(TypeDeclarations.ENVIRONMENT) ? "an environment" : "`" + record + "`";
    }

    private static String join(String prefix, String key) {
        return prefix.isEmpty() ? key : prefix + "." + key;
    }
}
