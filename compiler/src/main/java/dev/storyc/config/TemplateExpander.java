package dev.storyc.config;

import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Diagnostics;
import dev.storyc.diag.Position;
import dev.storyc.diag.Spelling;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Instantiates {@code [templates.developer]} once per entry of {@code [developers]}, as
 * {@code dev-<name>}. Parameters are declared with types under {@code params}; {@code name} is
 * always there. Substitution of {@code ${params.x}} is one pass over a finite tree: a parameter's
 * value is inserted as data and never scanned again, and templates cannot instantiate templates,
 * so evaluation always terminates.
 */
final class TemplateExpander {
    static final String DEVELOPER_TEMPLATE = "developer";
    static final String DEVELOPER_PREFIX = "dev-";
    static final String PARAMS = "params";

    private final Diagnostics diagnostics;
    private final TypeChecker checker;
    private final Set<String> reported = new java.util.HashSet<>();

    TemplateExpander(Diagnostics diagnostics, TypeChecker checker) {
        this.diagnostics = diagnostics;
        this.checker = checker;
    }

    /** Returns one environment table per developer, keyed by its {@code dev-<name>} name. */
    Map<String, ConfigTable> expand(ConfigTable template, ConfigTable developers, Set<String> records) {
        Map<String, FieldType> declared = declaredParams(template, records);
        ConfigTable body = template.without(PARAMS);
        Map<String, ConfigTable> result = new LinkedHashMap<>();
        for (Map.Entry<String, ConfigValue> developer : developers.entries().entrySet()) {
            String name = developer.getKey();
            if (!(developer.getValue() instanceof ConfigTable given)) {
                diagnostics.error(Code.ENV_FIELD_TYPE, developer.getValue().position(),
                        "developer `" + name + "` must be a table, such as `" + name + " = {}`");
                continue;
            }
            Position at = developer.getValue().position();
            int problemsBefore = diagnostics.size();
            Map<String, ConfigValue> params = new LinkedHashMap<>();
            params.put("name", new ConfigScalar(name, at, Origin.written(at, "[developers]")));
            for (Map.Entry<String, ConfigValue> param : given.entries().entrySet()) {
                FieldType field = declared.get(param.getKey());
                if (field == null) {
                    diagnostics.add(Diagnostic.error(Code.ENV_UNKNOWN_TEMPLATE_PARAM, param.getValue().position(),
                                    "the developer template has no parameter `" + param.getKey() + "`")
                            .withHint(Spelling.didYouMean(param.getKey(), declared.keySet())
                                    .orElse("declare it under [templates.developer.params]")));
                    continue;
                }
                checker.checkValue("params." + param.getKey(), field, param.getValue())
                        .ifPresent(v -> params.put(param.getKey(), v));
            }
            for (FieldType field : declared.values()) {
                if (params.containsKey(field.name()) || given.entries().containsKey(field.name())) {
                    continue;
                }
                if (field.defaultValue().isPresent()) {
                    params.put(field.name(), field.defaultValue().get());
                } else {
                    diagnostics.add(Diagnostic.error(Code.ENV_FIELD_MISSING, at,
                                    "developer `" + name + "` does not set the template parameter `" + field.name() + "`")
                            .withRelated(field.declaredAt(), "the parameter is declared here")
                            .withHint("write `" + name + " = { " + field.name() + " = ... }`, or give the parameter a"
                                    + " default"));
                }
            }
            if (diagnostics.size() > problemsBefore) {
                // An instance with a bad parameter would only repeat the problem at the template's lines.
                continue;
            }
            ConfigTable instance = (ConfigTable) substitute(body, params, at);
            result.put(DEVELOPER_PREFIX + name, (ConfigTable) instance.mapOrigins(o ->
                    new Origin.Instantiated(DEVELOPER_TEMPLATE, name, at, o)));
        }
        return result;
    }

    /** Returns the declared parameters; {@code name} is implicit and cannot be redeclared. */
    private Map<String, FieldType> declaredParams(ConfigTable template, Set<String> records) {
        Map<String, FieldType> declared = new LinkedHashMap<>();
        Optional<ConfigValue> params = template.get(PARAMS);
        if (params.isEmpty()) {
            return declared;
        }
        if (!(params.get() instanceof ConfigTable table)) {
            diagnostics.add(Diagnostic.error(Code.ENV_TYPE_DECLARATION, params.get().position(),
                            "`params` must be a table of parameter declarations")
                    .withHint("write `params = { team = { type = \"string\" } }`"));
            return declared;
        }
        for (Map.Entry<String, ConfigValue> entry : table.entries().entrySet()) {
            if (entry.getKey().equals("name")) {
                diagnostics.add(Diagnostic.error(Code.ENV_TYPE_DECLARATION, entry.getValue().position(),
                                "`name` is always a parameter: the developer's name")
                        .withHint("remove this declaration"));
                continue;
            }
            FieldSpecs.parse("templates.developer.params." + entry.getKey(), entry.getKey(), entry.getValue(), records,
                    diagnostics).ifPresent(field -> {
                        if (field.defaultValue().isPresent()) {
                            checker.checkValue("params." + field.name(), field, field.defaultValue().get());
                        }
                        declared.put(entry.getKey(), field);
                    });
        }
        return declared;
    }

    private ConfigValue substitute(ConfigValue value, Map<String, ConfigValue> params, Position instantiatedAt) {
        if (value instanceof ConfigTable table) {
            Map<String, ConfigValue> entries = new LinkedHashMap<>();
            table.entries().forEach((k, v) -> entries.put(k, substitute(v, params, instantiatedAt)));
            return table.withEntries(entries);
        }
        if (value instanceof ConfigList list) {
            List<ConfigValue> items = new ArrayList<>();
            list.items().forEach(v -> items.add(substitute(v, params, instantiatedAt)));
            return new ConfigList(items, list.position(), list.origin());
        }
        ConfigScalar scalar = (ConfigScalar) value;
        if (!(scalar.value() instanceof String text) || !text.contains("${")) {
            return scalar;
        }
        Interpolation interpolation = Interpolation.parse(text);
        Optional<Interpolation.Reference> whole = interpolation.wholeReference();
        if (whole.isPresent() && whole.get().target() instanceof Interpolation.Param param) {
            // A whole-value parameter keeps its type, like any other whole-value reference.
            return lookup(param, scalar, params, instantiatedAt)
                    .map(found -> found instanceof ConfigScalar s ? new ConfigScalar(s.value(), scalar.position(),
                            scalar.origin()) : found)
                    .orElse(scalar);
        }
        StringBuilder out = new StringBuilder();
        for (Interpolation.Part part : interpolation.parts()) {
            if (part instanceof Interpolation.Literal literal) {
                out.append(Interpolation.escape(literal.text()));
            } else if (part instanceof Interpolation.Reference reference) {
                if (reference.target() instanceof Interpolation.Param param) {
                    Object found = lookup(param, scalar, params, instantiatedAt).map(ConfigValue::toPlain).orElse("");
                    if (found instanceof String || found instanceof Long || found instanceof Boolean) {
                        // Escaped, so that a parameter's value is data and never read as a reference.
                        out.append(Interpolation.escape(String.valueOf(found)));
                    } else {
                        diagnostics.add(Diagnostic.error(found instanceof SecretReference ? Code.ENV_SECRET_EXPOSED
                                : Code.ENV_FIELD_TYPE, scalar.position(), "`" + reference.spelling() + "` is "
                                + ConfigTypes.withArticle(ConfigTypes.nameOf(found)) + " and cannot be part of a longer string"));
                    }
                } else {
                    out.append(reference.spelling());
                }
            }
        }
        if (interpolation.unclosedAt().isPresent()) {
            return scalar;
        }
        return new ConfigScalar(out.toString(), scalar.position(), scalar.origin().withWrittenSpelling(text));
    }

    private Optional<ConfigValue> lookup(Interpolation.Param param, ConfigScalar at, Map<String, ConfigValue> params,
            Position instantiatedAt) {
        ConfigValue found = params.get(param.name());
        if (found == null) {
            if (!reported.add(param.name())) {
                return Optional.empty();
            }
            diagnostics.add(Diagnostic.error(Code.ENV_UNDEFINED_REFERENCE, at.position(),
                            "the developer template has no parameter `" + param.name() + "`")
                    .withHint(Spelling.didYouMean(param.name(), params.keySet())
                            .orElse("parameters are `name` and those declared in params"))
                    .withRelated(instantiatedAt, "first instantiated here"));
            return Optional.empty();
        }
        return Optional.of(found);
    }

}
