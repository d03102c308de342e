package dev.storyc.phi;

import dev.storyc.diag.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes a {@link PhiReport} as text for people, JSON for scripts, or CSV for spreadsheets. */
public enum PhiReportFormat {
    TEXT,
    JSON,
    CSV;

    /** Returns the report in this format, ending with a newline. */
    public String write(PhiReport report) {
        return switch (this) {
            case TEXT -> text(report);
            case JSON -> Json.write(json(report), (path, array) -> !array
                    || path.isEmpty() || path.get(path.size() - 1).equals("readers")
                    || path.get(path.size() - 1).equals("columns"), Json.Escaping.CONTROL) + "\n";
            case CSV -> csv(report);
        };
    }

    private static String text(PhiReport report) {
        if (report.rows().isEmpty()) {
            return "No column is classified as PHI in " + String.join(", ", report.environments())
                    + ". Classify columns in stories/<id>/schema/phi.toml (docs/phi.md).\n";
        }
        StringBuilder out = new StringBuilder();
        for (PhiReport.Row row : report.rows()) {
            ProtectedColumn column = row.column();
            out.append(column.qualifiedName()).append("  ").append(column.phiClass().spelling())
                    .append("  (").append(column.declaredAt()).append(")\n");
            out.append("  treatment:");
            row.treatments().forEach((env, treatment) -> out.append(' ').append(env).append('=')
                    .append(treatment));
            out.append('\n');
            if (row.readers().isEmpty()) {
                out.append("  read by nothing\n");
            }
            for (PhiReport.Reader reader : row.readers()) {
                out.append(String.format("  %-9s %-40s %s%n", reader.kind(), reader.name(), reader
                        .at()));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static Object json(PhiReport report) {
        List<Object> columns = new ArrayList<>();
        for (PhiReport.Row row : report.rows()) {
            Map<String, Object> column = new LinkedHashMap<>();
            column.put("table", row.column().table());
            column.put("column", row.column().column());
            column.put("class", row.column().phiClass().spelling());
            column.put("classified_at", row.column().declaredAt().toString());
            column.put("story", row.column().story());
            column.put("treatments", row.treatments());
            List<Object> readers = new ArrayList<>();
            for (PhiReport.Reader reader : row.readers()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("kind", reader.kind());
                entry.put("name", reader.name());
                entry.put("at", reader.at().toString());
                entry.put("environments", reader.environments());
                readers.add(entry);
            }
            column.put("readers", readers);
            columns.add(column);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schema", "storyc.phi-report/1");
        root.put("environments", report.environments());
        root.put("columns", columns);
        return root;
    }

    /**
     * One line per column, environment and reader, so a spreadsheet filter answers any question.
     */
    private static String csv(PhiReport report) {
        StringBuilder out = new StringBuilder(
                "table,column,class,classified_at,environment,treatment,"
                        + "reader_kind,reader,reader_at\n");
        for (PhiReport.Row row : report.rows()) {
            ProtectedColumn column = row.column();
            row.treatments().forEach((env, treatment) -> {
                List<PhiReport.Reader> readers = row.readers().stream()
                        .filter(r -> r.environments().contains(env)).toList();
                if (readers.isEmpty()) {
                    line(out, column, env, treatment, "", "", "");
                }
                readers.forEach(r -> line(out, column, env, treatment, r.kind(), r.name(), r.at()
                        .toString()));
            });
        }
        return out.toString();
    }

    private static void line(StringBuilder out, ProtectedColumn column, String env,
            String treatment,
            String kind, String reader, String at) {
        List<String> cells = List.of(column.table(), column.column(), column.phiClass().spelling(),
                column.declaredAt().toString(), env, treatment, kind, reader, at);
        out.append(String.join(",", cells.stream().map(PhiReportFormat::cell).toList()))
                .append('\n');
    }

    /**
     * Quotes a cell as RFC 4180 asks: when it holds a comma, a quote or a line break. A cell that
     * a spreadsheet would read as a formula (a dashboard named {@code =HYPERLINK(...)}) starts with
     * an apostrophe, as OWASP's CSV-injection guidance says, since the report is meant for one.
     */
    static String cell(String value) {
        String text = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
