package dev.storyc.diag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders diagnostics as a SARIF 2.1.0 log, the format GitHub code scanning and other CI systems
 * read to annotate a pull request. One run, one rule per code that occurs; each result has its
 * file, line and column relative to the workspace root ({@code %SRCROOT%}), the hint appended to
 * its message and kept in {@code properties.hint}, and its related locations.
 */
public final class SarifRenderer {
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String SOURCE_ROOT = "%SRCROOT%";

    private SarifRenderer() {}

    /** Returns the SARIF log of one storyc run. */
    public static String render(List<Diagnostic> diagnostics, String toolVersion) {
        Map<Code, Integer> rules = new LinkedHashMap<>();
        diagnostics.stream().map(Diagnostic::code).sorted().forEach(code -> rules.putIfAbsent(code, rules.size()));
        StringBuilder out = new StringBuilder();
        out.append("{\n");
        out.append("  \"$schema\": ").append(JsonText.quote(SCHEMA)).append(",\n");
        out.append("  \"version\": \"2.1.0\",\n");
        out.append("  \"runs\": [\n    {\n");
        out.append("      \"tool\": {\n        \"driver\": {\n");
        out.append("          \"name\": \"storyc\",\n");
        out.append("          \"version\": ").append(JsonText.quote(toolVersion)).append(",\n");
        out.append("          \"rules\": [");
        List<String> ruleObjects = new ArrayList<>();
        for (Code code : rules.keySet()) {
            ruleObjects.add("{\"id\": " + JsonText.quote(code.id()) + ", \"name\": " + JsonText.quote(ruleName(code))
                    + ", \"shortDescription\": {\"text\": " + JsonText.quote(code.title()) + "}}");
        }
        out.append(joined(ruleObjects, "            ", "          ")).append("]\n");
        out.append("        }\n      },\n");
        out.append("      \"columnKind\": \"utf16CodeUnits\",\n");
        out.append("      \"results\": [");
        List<String> results = new ArrayList<>();
        for (Diagnostic diagnostic : diagnostics) {
            results.add(result(diagnostic, rules.get(diagnostic.code())));
        }
        out.append(joined(results, "        ", "      ")).append("]\n");
        out.append("    }\n  ]\n}\n");
        return out.toString();
    }

    private static String result(Diagnostic diagnostic, int ruleIndex) {
        StringBuilder out = new StringBuilder("{");
        out.append("\"ruleId\": ").append(JsonText.quote(diagnostic.code().id()));
        out.append(", \"ruleIndex\": ").append(ruleIndex);
        out.append(", \"level\": ").append(JsonText.quote(level(diagnostic.severity())));
        String text = diagnostic.message() + diagnostic.hint().map(h -> "\nhelp: " + h).orElse("");
        out.append(", \"message\": {\"text\": ").append(JsonText.quote(text)).append('}');
        out.append(", \"locations\": [{\"physicalLocation\": ").append(physical(diagnostic.position())).append("}]");
        if (!diagnostic.related().isEmpty()) {
            out.append(", \"relatedLocations\": [");
            for (int i = 0; i < diagnostic.related().size(); i++) {
                Related related = diagnostic.related().get(i);
                out.append(i > 0 ? ", " : "").append("{\"id\": ").append(i + 1)
                        .append(", \"physicalLocation\": ").append(physical(related.position()))
                        .append(", \"message\": {\"text\": ").append(JsonText.quote(related.message())).append("}}");
            }
            out.append(']');
        }
        diagnostic.hint().ifPresent(h -> out.append(", \"properties\": {\"hint\": ").append(JsonText.quote(h)).append('}'));
        return out.append('}').toString();
    }

    private static String physical(Position position) {
        String location = "{\"artifactLocation\": {\"uri\": " + JsonText.quote(position.file())
                + ", \"uriBaseId\": " + JsonText.quote(SOURCE_ROOT) + "}";
        if (position.hasLine()) {
            location += ", \"region\": {\"startLine\": " + position.line() + ", \"startColumn\": "
                    + Math.max(position.column(), 1) + "}";
        }
        return location + "}";
    }

    private static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case NOTE -> "note";
        };
    }

    /** Returns a code's name in the PascalCase SARIF suggests for rule names, such as {@code UnknownView}. */
    private static String ruleName(Code code) {
        StringBuilder name = new StringBuilder();
        for (String word : code.name().split("_")) {
            name.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
        }
        return name.toString();
    }

    private static String joined(List<String> items, String indent, String closingIndent) {
        if (items.isEmpty()) {
            return "";
        }
        return "\n" + indent + String.join(",\n" + indent, items) + "\n" + closingIndent;
    }
}
