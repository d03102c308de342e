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

/**
 * Instantiates {@code [templates.developer]} once per entry of {@code [developers]}, as
 * {@code dev-<name>}. Substitution of {@code ${params.x}} is plain text replacement over a finite
 * tree, with no recursion into other templates, so it always terminates.
 */
final class TemplateExpander {
    static final String DEVELOPER_TEMPLATE = "developer";
    static final String DEVELOPER_PREFIX = "dev-";

    private final Diagnostics diagnostics;

    TemplateExpander(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** Returns one environment table per developer, keyed by its {@code dev-<name>} name. */
    Map<String, ConfigTable> expand(ConfigTable template, ConfigTable developers) {
        Map<String, ConfigTable> result = new LinkedHashMap<>();
        ConfigTable declared = template.get("params").filter(ConfigTable.class::isInstance)
                .map(ConfigTable.class::cast)
                .orElse(new ConfigTable(Map.of(), template.position()));
        ConfigTable body = template.without("params");
        for (Map.Entry<String, ConfigValue> developer : developers.entries().entrySet()) {
            String name = developer.getKey();
            Map<String, String> params = new LinkedHashMap<>();
            params.put("name", name);
            if (developer.getValue() instanceof ConfigTable given) {
                for (Map.Entry<String, ConfigValue> param : given.entries().entrySet()) {
                    if (!declared.entries().containsKey(param.getKey())) {
                        diagnostics.add(Diagnostic.error(Code.ENV_UNKNOWN_TEMPLATE_PARAM, param.getValue().position(),
                                        "the developer template has no parameter `" + param.getKey() + "`")
                                .withHint(Spelling.didYouMean(param.getKey(), declared.entries().keySet())
                                        .orElse("declare it under [templates.developer.params]")));
                        continue;
                    }
                    params.put(param.getKey(), String.valueOf(param.getValue().toPlain()));
                }
            } else {
                diagnostics.error(Code.ENV_FIELD_TYPE, developer.getValue().position(),
                        "developer `" + name + "` must be a table, such as `" + name + " = {}`");
                continue;
            }
            result.put(DEVELOPER_PREFIX + name,
                    (ConfigTable) substitute(body, params, developer.getValue().position()));
        }
        return result;
    }

    private ConfigValue substitute(ConfigValue value, Map<String, String> params, Position instantiatedAt) {
        if (value instanceof ConfigTable table) {
            Map<String, ConfigValue> entries = new LinkedHashMap<>();
            table.entries().forEach((k, v) -> entries.put(k, substitute(v, params, instantiatedAt)));
            return new ConfigTable(entries, table.position());
        }
        if (value instanceof ConfigList list) {
            List<ConfigValue> items = new ArrayList<>();
            list.items().forEach(v -> items.add(substitute(v, params, instantiatedAt)));
            return new ConfigList(items, list.position());
        }
        ConfigScalar scalar = (ConfigScalar) value;
        if (!(scalar.value() instanceof String text) || !text.contains("${params.")) {
            return scalar;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int start = text.indexOf("${params.", i);
            int close = start < 0 ? -1 : text.indexOf('}', start);
            if (start < 0 || close < 0) {
                out.append(text, i, text.length());
                break;
            }
            out.append(text, i, start);
            String param = text.substring(start + "${params.".length(), close).strip();
            String replacement = params.get(param);
            if (replacement == null) {
                diagnostics.add(Diagnostic.error(Code.ENV_UNDEFINED_REFERENCE, scalar.position(),
                                "the developer template has no parameter `" + param + "`")
                        .withHint(Spelling.didYouMean(param, params.keySet())
                                .orElse("parameters are `name` and those declared in params"))
                        .withRelated(instantiatedAt, "instantiated here"));
                replacement = "";
            }
            out.append(replacement);
            i = close + 1;
        }
        return new ConfigScalar(out.toString(), scalar.position());
    }
}
