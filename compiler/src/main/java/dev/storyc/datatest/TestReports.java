package dev.storyc.datatest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.FailedRun;
import dev.storyc.diag.Printable;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes data test outcomes for people (text), scripts (JSON) and CI servers (JUnit XML, the format
 * GitLab, Jenkins and GitHub's test reporters read: one {@code testcase} per test, a {@code
 * failure} for rows and an {@code error} for SQL that does not run).
 */
public final class TestReports {
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TestReports() {}

    /** Returns a diagnostic per failed or broken test, at the test's file or primary key. */
    public static List<Diagnostic> diagnostics(List<TestOutcome> outcomes) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (TestOutcome outcome : outcomes) {
            DataTest test = outcome.test();
            if (outcome.status() == TestOutcome.Status.FAILED) {
                diagnostics.add(
                        Diagnostic.error(
                                        Code.DATA_TEST_FAILED,
                                        test.at(),
                                        "data test `"
                                                + test.name()
                                                + "` returned "
                                                + rows(outcome.rowCount())
                                                + " (the report shows "
                                                + Math.min(outcome.rowCount(), TestOutcome.SHOWN)
                                                + ")")
                                .withHint(
                                        test.kind() == DataTest.Kind.STORY
                                                ? "the rows shown break the test's rule; fix the"
                                                      + " data or the ETL job that loads it"
                                                : "a primary key that repeats or is null makes"
                                                      + " Looker count rows twice across joins; fix"
                                                      + " the ETL job's key or the dimension's"
                                                      + " sql"));
            } else if (outcome.status() == TestOutcome.Status.ERROR) {
                diagnostics.add(
                        Diagnostic.error(
                                        Code.DATA_TEST_ERROR,
                                        test.at(),
                                        "data test `"
                                                + test.name()
                                                + "` does not run: "
                                                + outcome.error())
                                .withHint(
                                        "run the test's SQL in the warehouse to see the whole"
                                            + " message"));
            }
        }
        return diagnostics;
    }

    /**
     * Returns the closing count, {@code 2 passed, 1 failed, 2 errors}, with the words JSON and
     * JUnit use: a failed test found rows, an errored one could not run, and they are fixed apart.
     */
    public static String summary(List<TestOutcome> outcomes) {
        Map<TestOutcome.Status, Long> counts = new java.util.EnumMap<>(TestOutcome.Status.class);
        outcomes.forEach(o -> counts.merge(o.status(), 1L, Long::sum));
        long failed = counts.getOrDefault(TestOutcome.Status.FAILED, 0L);
        long errors = counts.getOrDefault(TestOutcome.Status.ERROR, 0L);
        long skipped = counts.getOrDefault(TestOutcome.Status.SKIPPED, 0L);
        return counts.getOrDefault(TestOutcome.Status.PASSED, 0L) + " passed"
                + (failed == 0 ? "" : ", " + failed + " failed")
                + (errors == 0 ? "" : ", " + errors + (errors == 1 ? " error" : " errors"))
                + (skipped == 0 ? "" : ", " + skipped + " skipped");
    }

    /** Returns one line per test: status, name, time. */
    public static String text(List<TestOutcome> outcomes) {
        StringBuilder text = new StringBuilder();
        for (TestOutcome outcome : outcomes) {
            String status =
                    switch (outcome.status()) {
                        case PASSED -> "pass ";
                        case FAILED -> "FAIL ";
                        case ERROR -> "ERROR";
                        case SKIPPED -> "skip ";
                    };
            text.append(status).append("  ").append(outcome.test().name());
            if (outcome.status() == TestOutcome.Status.FAILED) {
                text.append("  (").append(rows(outcome.rowCount())).append(')');
            }
            if (outcome.status() == TestOutcome.Status.SKIPPED) {
                text.append("  (").append(Printable.escaped(outcome.error())).append(")\n");
                continue;
            }
            text.append("  ").append(outcome.millis()).append(" ms\n");
            if (outcome.status() == TestOutcome.Status.FAILED) {
                table(outcome)
                        .lines()
                        .forEach(line -> text.append("       ").append(line).append('\n'));
            } else if (outcome.status() == TestOutcome.Status.ERROR) {
                text.append("       ").append(Printable.escaped(outcome.error())).append('\n');
            }
        }
        return text.toString();
    }

    /** Returns the outcomes as a JSON document: {@code {"tests": [...], "passed": n, ...}}. */
    public static String json(String environment, List<TestOutcome> outcomes) {
        ObjectNode root = JSON.createObjectNode();
        root.put("environment", environment);
        root.put("passed", count(outcomes, TestOutcome.Status.PASSED));
        root.put("failed", count(outcomes, TestOutcome.Status.FAILED));
        root.put("errors", count(outcomes, TestOutcome.Status.ERROR));
        root.put("skipped", count(outcomes, TestOutcome.Status.SKIPPED));
        ArrayNode tests = root.putArray("tests");
        for (TestOutcome outcome : outcomes) {
            ObjectNode test = tests.addObject();
            test.put("name", outcome.test().name());
            test.put("story", outcome.test().story());
            test.put("kind", outcome.test().kind().name().toLowerCase(Locale.ROOT));
            test.put("status", outcome.status().name().toLowerCase(Locale.ROOT));
            test.put("file", outcome.test().at().file());
            test.put("line", outcome.test().at().line());
            test.put("millis", outcome.millis());
            if (outcome.status() == TestOutcome.Status.FAILED) {
                test.put("row_count", outcome.rowCount());
                ArrayNode columns = test.putArray("columns");
                outcome.columns().forEach(columns::add);
                ArrayNode rows = test.putArray("rows");
                outcome.rows()
                        .forEach(
                                row -> {
                                    ArrayNode values = rows.addArray();
                                    row.forEach(value -> {
                                        if (value == null) {
                                            values.addNull();
                                        } else {
                                            values.add(value);
                                        }
                                    });
                                });
            }
            if (outcome.status() == TestOutcome.Status.ERROR) {
                test.put("error", outcome.error());
            }
            if (outcome.status() == TestOutcome.Status.SKIPPED) {
                test.put("reason", outcome.error());
            }
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", e);
        }
    }

    /** Returns the outcomes as one JUnit XML {@code testsuite}. */
    public static String junit(String environment, List<TestOutcome> outcomes) {
        Map<String, String> counts = new LinkedHashMap<>();
        counts.put("tests", Integer.toString(outcomes.size()));
        counts.put("failures", Long.toString(count(outcomes, TestOutcome.Status.FAILED)));
        counts.put("errors", Long.toString(count(outcomes, TestOutcome.Status.ERROR)));
        counts.put("skipped", Long.toString(count(outcomes, TestOutcome.Status.SKIPPED)));
        counts.put("time", seconds(outcomes.stream().mapToLong(TestOutcome::millis).sum()));
        return suite(environment, counts, xml -> {
            for (TestOutcome outcome : outcomes) {
                xml.writeCharacters("\n  ");
                xml.writeStartElement("testcase");
                xml.writeAttribute(
                        "classname",
                        outcome.test().story().isEmpty()
                                ? environment
                                : environment + "." + outcome.test().story());
                xml.writeAttribute("name", outcome.test().name());
                xml.writeAttribute("file", outcome.test().at().file());
                xml.writeAttribute("line", Integer.toString(outcome.test().at().line()));
                xml.writeAttribute("time", seconds(outcome.millis()));
                if (outcome.status() == TestOutcome.Status.FAILED) {
                    xml.writeStartElement("failure");
                    xml.writeAttribute("message", "returned " + rows(outcome.rowCount()));
                    xml.writeCharacters(table(outcome));
                    xml.writeEndElement();
                } else if (outcome.status() == TestOutcome.Status.ERROR) {
                    xml.writeStartElement("error");
                    xml.writeAttribute("message", Printable.escaped(outcome.error()));
                    xml.writeEndElement();
                } else if (outcome.status() == TestOutcome.Status.SKIPPED) {
                    xml.writeEmptyElement("skipped");
                    xml.writeAttribute("message", Printable.escaped(outcome.error()));
                }
                xml.writeEndElement();
            }
        });
    }

    /**
     * Returns a run that ended before any test ran (the database unreachable, a test file that
     * does not parse) as a JUnit report with one errored test case: CI's test reporter then shows
     * the failure, where an empty report would fail to parse or pass as no tests.
     */
    public static String junit(String environment, FailedRun run) {
        List<String> headlines = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        run.failures().forEach(f -> {
            headlines.add(f.message());
            lines.add(f.message() + f.hint().map(h -> "\nhelp: " + h).orElse(""));
        });
        run.diagnostics().forEach(d -> {
            String line = d.position() + ": " + d.code().id() + " " + d.message();
            headlines.add(line);
            lines.add(line);
        });
        Map<String, String> counts = new LinkedHashMap<>();
        counts.put("tests", "1");
        counts.put("failures", "0");
        counts.put("errors", "1");
        return suite(environment, counts, xml -> {
            xml.writeCharacters("\n  ");
            xml.writeStartElement("testcase");
            xml.writeAttribute("classname", environment);
            xml.writeAttribute("name", "storyc test");
            xml.writeStartElement("error");
            xml.writeAttribute("type", "exit " + run.exitCode());
            xml.writeAttribute("message", Printable.escaped(headlines.isEmpty()
                    ? "storyc test ended with exit " + run.exitCode() : headlines.get(0)));
            xml.writeCharacters(Printable.keepingLineEnds(String.join("\n", lines)));
            xml.writeEndElement();
            xml.writeEndElement();
        });
    }

    /** Writes the test cases of a JUnit report, inside its {@code testsuite}. */
    @FunctionalInterface
    private interface Cases {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    /** Returns a JUnit report: one {@code testsuite} with these counts, around the cases. */
    private static String suite(String environment, Map<String, String> counts, Cases cases) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", "storyc test --env " + environment);
            for (Map.Entry<String, String> count : counts.entrySet()) {
                xml.writeAttribute(count.getKey(), count.getValue());
            }
            cases.write(xml);
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing XML to a string cannot fail", e);
        }
        return out + "\n";
    }

    /** Returns the failing rows as an aligned table, at most {@link TestOutcome#SHOWN} of them. */
    static String table(TestOutcome outcome) {
        // Cells are warehouse data: a control character in one would reach the terminal, make the
        // JUnit report unreadable XML, or break the table across lines.
        List<List<String>> lines = new ArrayList<>();
        lines.add(outcome.columns().stream().map(Printable::escaped).toList());
        outcome.rows().forEach(row -> lines.add(row.stream().map(TestReports::cell).toList()));
        int[] widths = new int[outcome.columns().size()];
        for (List<String> line : lines) {
            for (int i = 0; i < widths.length && i < line.size(); i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (int l = 0; l < lines.size(); l++) {
            List<String> line = lines.get(l);
            StringBuilder row = new StringBuilder();
            for (int i = 0; i < widths.length && i < line.size(); i++) {
                row.append(i == 0 ? "" : " | ")
                        .append(String.format("%-" + Math.max(1, widths[i]) + "s", line.get(i)));
            }
            text.append(row.toString().stripTrailing()).append('\n');
            if (l == 0) {
                StringBuilder rule = new StringBuilder();
                for (int i = 0; i < widths.length; i++) {
                    rule.append(i == 0 ? "" : "-+-").append("-".repeat(Math.max(1, widths[i])));
                }
                text.append(rule).append('\n');
            }
        }
        if (outcome.rowCount() > outcome.rows().size()) {
            text.append("(")
                    .append(outcome.rows().size())
                    .append(" of ")
                    .append(outcome.rowCount())
                    .append(" rows shown)\n");
        }
        return text.toString().stripTrailing();
    }

    /**
     * How a table shows SQL's NULL: not as the word, which a text value may be; {@code <null>},
     * like the markers of database tools, and written in docs/testing.md.
     */
    static final String NULL_CELL = "<null>";

    private static String cell(String value) {
        return value == null ? NULL_CELL : Printable.escaped(value);
    }

    private static String rows(long count) {
        return count == 1 ? "1 row" : count + " rows";
    }

    private static long count(List<TestOutcome> outcomes, TestOutcome.Status status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }
}
