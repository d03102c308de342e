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

    /**
     * The log spreads over indented lines down to each rule and each result, which stay on one
     * line each, so that a diff of two logs shows one line per changed finding.
     */
    private static final Json.Layout LAYOUT = (path, array) -> !(within(path, "rules") || within(path, "results"));

    /** Returns the SARIF log of one storyc run that ended well enough to report its findings. */
    public static String render(List<Diagnostic> diagnostics, String toolVersion) {
        return render(diagnostics, toolVersion, 0, List.of());
    }

    /**
     * Returns the SARIF log of one storyc run. Its invocation says whether the run completed: exit
     * 0 and 1 (findings) did; a usage error (2), an operational failure (3) or an internal one did
     * not, and its failures, told in words, are the invocation's notifications. Without it, a run
     * that could not look at anything gave an empty log, which code scanning reads as clean
     * (round 18).
     */
    public static String render(List<Diagnostic> diagnostics, String toolVersion, int exitCode,
            List<Failure> failures) {
        Map<Code, Integer> rules = new LinkedHashMap<>();
        diagnostics.stream().map(Diagnostic::code).sorted().forEach(code -> rules.putIfAbsent(code, rules.size()));
        List<Object> ruleObjects = new ArrayList<>();
        for (Code code : rules.keySet()) {
            ruleObjects.add(object("id", code.id(), "name", ruleName(code),
                    "shortDescription", object("text", code.title())));
        }
        List<Object> results = new ArrayList<>();
        for (Diagnostic diagnostic : diagnostics) {
            results.add(result(diagnostic, rules.get(diagnostic.code())));
        }
        Map<String, Object> driver = object("name", "storyc", "version", toolVersion, "rules", ruleObjects);
        Map<String, Object> invocation = object("executionSuccessful", exitCode == 0 || exitCode == 1,
                "exitCode", exitCode);
        if (!failures.isEmpty()) {
            List<Object> notifications = new ArrayList<>();
            for (Failure failure : failures) {
                notifications.add(object("level", "error", "message",
                        object("text", failure.message() + failure.hint().map(h -> "\nhelp: " + h).orElse(""))));
            }
            invocation.put("toolExecutionNotifications", notifications);
        }
        Map<String, Object> run = object("tool", object("driver", driver), "invocations", List.of(invocation),
                "columnKind", "utf16CodeUnits", "results", results);
        Map<String, Object> log = object("$schema", SCHEMA, "version", "2.1.0", "runs", List.of(run));
        return Json.write(log, LAYOUT, Json.Escaping.CONTROL) + "\n";
    }

    private static Map<String, Object> result(Diagnostic diagnostic, int ruleIndex) {
        String text = diagnostic.message() + diagnostic.hint().map(h -> "\nhelp: " + h).orElse("");
        Map<String, Object> out = object("ruleId", diagnostic.code().id(), "ruleIndex", ruleIndex,
                "level", level(diagnostic.severity()), "message", object("text", text),
                "locations", isFile(diagnostic.position()) ? List.of(object("physicalLocation",
                        physical(diagnostic.position()))) : List.of());
        if (!diagnostic.related().isEmpty()) {
            List<Object> related = new ArrayList<>();
            for (int i = 0; i < diagnostic.related().size(); i++) {
                Related note = diagnostic.related().get(i);
                Map<String, Object> location = object("id", i + 1, "message", object("text", note.message()));
                if (isFile(note.position())) {
                    location.put("physicalLocation", physical(note.position()));
                }
                related.add(location);
            }
            out.put("relatedLocations", related);
        }
        diagnostic.hint().ifPresent(h -> out.put("properties", object("hint", h)));
        return out;
    }

    /**
     * Returns true when a position names a file. A setting's position names where it was set
     * instead ("command line", "environment variable STORYC_JOBS"), which is no artifact's URI; such
     * a result keeps the words in its message.
     */
    private static boolean isFile(Position position) {
        return !position.file().isEmpty() && position.file().indexOf(' ') < 0;
    }

    private static Map<String, Object> physical(Position position) {
        Map<String, Object> location = object("artifactLocation",
                object("uri", position.file(), "uriBaseId", SOURCE_ROOT));
        if (position.hasLine()) {
            location.put("region", object("startLine", position.line(),
                    "startColumn", Math.max(position.column(), 1)));
        }
        return location;
    }

    /** Returns an ordered object of alternating keys and values. */
    private static Map<String, Object> object(Object... entries) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < entries.length; i += 2) {
            object.put((String) entries[i], entries[i + 1]);
        }
        return object;
    }

    /** Returns true when a path lies inside an element of the array {@code name}. */
    private static boolean within(List<String> path, String name) {
        for (int i = 0; i + 1 < path.size(); i++) {
            if (path.get(i).equals(name) && path.get(i + 1).equals("[]")) {
                return true;
            }
        }
        return false;
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
}
