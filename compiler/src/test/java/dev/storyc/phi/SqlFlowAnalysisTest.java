package dev.storyc.phi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.check.TableName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The column-flow analysis, one row per construct: each stored column and the table columns it
 * reads (with the text of the reference a rewrite would wrap), or what it cannot see through.
 */
class SqlFlowAnalysisTest {
    /** The schema the rows read: what {@code check}'s column catalog would say. */
    static final SqlColumns SCHEMA = table -> Optional.ofNullable(Map.of(
            "patients", List.of("patient_id", "mrn", "first_name", "last_name", "birth_date"),
            "encounters", List.of("encounter_id", "patient_id", "admitted_at"))
            .get(table.table()));

    static Stream<Arguments> rows() {
        return Stream.of(
                Arguments.of("plain and aliased",
                        "SELECT p.mrn, p.first_name AS given FROM a.patients p",
                        "QUERY: mrn<-patients.mrn[p.mrn]=;"
                                + " given<-patients.first_name[p.first_name]="),
                Arguments.of("table name as qualifier",
                        "SELECT patients.mrn FROM a.patients",
                        "QUERY: mrn<-patients.mrn[patients.mrn]="),
                Arguments.of("unqualified column resolved by the schema",
                        "SELECT mrn, admitted_at FROM a.patients p JOIN a.encounters e ON 1=1",
                        "QUERY: mrn<-patients.mrn[mrn]=;"
                                + " admitted_at<-encounters.admitted_at[admitted_at]="),
                Arguments.of("expressions change the value",
                        "SELECT p.first_name || ' ' || p.last_name AS full_name, LOWER(p.mrn) m"
                                + " FROM a.patients p",
                        "QUERY: full_name<-patients.first_name[p.first_name]~,patients.last_name"
                                + "[p.last_name]~; m<-patients.mrn[p.mrn]~"),
                Arguments.of("CTE followed to its table",
                        "WITH x AS (SELECT p.mrn AS id FROM a.patients p) SELECT x.id FROM x",
                        "QUERY: id<-patients.mrn[p.mrn]="),
                Arguments.of("nested subqueries",
                        "SELECT s.m FROM (SELECT t.m FROM (SELECT mrn AS m FROM a.patients) t) s",
                        "QUERY: m<-patients.mrn[mrn]="),
                Arguments.of("star in a subquery, read by name",
                        "SELECT e.mrn FROM (SELECT r.* FROM raw.feed r) e",
                        "QUERY: mrn<-feed.mrn[e.mrn]="),
                Arguments.of("CASE, COALESCE and CAST read every operand",
                        "SELECT CASE WHEN p.mrn IS NULL THEN 'x' ELSE p.first_name END AS c,"
                                + " COALESCE(p.last_name, '') AS l, CAST(p.birth_date AS TEXT) b,"
                                + " p.birth_date::varchar(10) AS d FROM a.patients p",
                        "QUERY: c<-patients.mrn[p.mrn]~,patients.first_name[p.first_name]~;"
                                + " l<-patients.last_name[p.last_name]~;"
                                + " b<-patients.birth_date[p.birth_date]~;"
                                + " d<-patients.birth_date[p.birth_date]~"),
                Arguments.of("EXTRACT's field is no column",
                        "SELECT EXTRACT(YEAR FROM p.birth_date) AS y FROM a.patients p",
                        "QUERY: y<-patients.birth_date[p.birth_date]~"),
                Arguments.of("unknown function",
                        "SELECT decrypt(p.mrn) AS m FROM a.patients p",
                        "QUERY: m<-patients.mrn[p.mrn]~ !the function `decrypt()`, which storyc"
                                + " does not know{mrn}"),
                Arguments.of("UNION lines branches up",
                        "SELECT p.mrn AS id FROM a.patients p UNION ALL SELECT e.encounter_id"
                                + " FROM a.encounters e",
                        "QUERY: id<-patients.mrn[p.mrn]=,encounters.encounter_id[e.encounter_id]="),
                Arguments.of("a star feeding the target",
                        "INSERT INTO a.copy SELECT * FROM a.patients",
                        "INSERT a.copy: *"),
                Arguments.of("t.* in an expression",
                        "SELECT row_to_json(p.*) AS j FROM a.patients p",
                        "QUERY: j !`p.*`{birth_date,first_name,last_name,mrn,patient_id}"
                                + " !the function `row_to_json()`, which storyc does not know{}"),
                Arguments.of("INSERT with a column list",
                        "INSERT INTO a.t (x, y) SELECT p.mrn, 1 FROM a.patients p",
                        "INSERT a.t (x,y): mrn<-patients.mrn[p.mrn]=; ?"),
                Arguments.of("INSERT ... VALUES from a scalar subquery",
                        "INSERT INTO a.t (x) VALUES ((SELECT mrn FROM a.patients LIMIT 1))",
                        "INSERT a.t (x): column1<-patients.mrn[mrn]~"),
                Arguments.of("CREATE TABLE AS",
                        "CREATE TABLE a.t AS SELECT p.mrn FROM a.patients p",
                        "CREATE_TABLE_AS a.t: mrn<-patients.mrn[p.mrn]="),
                Arguments.of("a view",
                        "CREATE OR REPLACE VIEW a.v AS SELECT p.last_name FROM a.patients p"
                                + " WITH NO SCHEMA BINDING",
                        "VIEW a.v: last_name<-patients.last_name[p.last_name]="),
                Arguments.of("UPDATE ... SET ... FROM",
                        "UPDATE a.t SET x = p.mrn FROM a.patients p WHERE p.patient_id = t.id",
                        "UPDATE a.t (x): x<-patients.mrn[p.mrn]="),
                Arguments.of("a correlated scalar subquery",
                        "SELECT e.encounter_id, (SELECT p.mrn FROM a.patients p WHERE"
                                + " p.patient_id = e.patient_id) AS m FROM a.encounters e",
                        "QUERY: encounter_id<-encounters.encounter_id[e.encounter_id]=;"
                                + " m<-patients.mrn[p.mrn]~"),
                Arguments.of("window and WHERE pick rows, store nothing",
                        "SELECT ROW_NUMBER() OVER (PARTITION BY p.mrn) AS n FROM a.patients p"
                                + " WHERE p.first_name = 'x'",
                        "QUERY: n"),
                Arguments.of("strings and comments are no SQL",
                        "SELECT 'p.mrn' AS s, -- p.mrn\n 1 AS one FROM a.patients p",
                        "QUERY: s; one"),
                Arguments.of("LEFT() is a function, LEFT JOIN a join",
                        "SELECT LEFT(p.mrn, 3) AS m FROM a.patients p LEFT JOIN a.encounters e"
                                + " ON LEFT(e.patient_id, 1) = 'P'",
                        "QUERY: m<-patients.mrn[p.mrn]~"),
                Arguments.of("a LookML substitution",
                        "SELECT ${TABLE}.mrn AS m FROM ${patients.SQL_TABLE_NAME} AS x",
                        "QUERY: m !the substitution `${TABLE}`{}"
                                + " !the relation `${patients.SQL_TABLE_NAME}`{}"),
                Arguments.of("dynamic SQL",
                        "COPY a.patients TO '/tmp/x'",
                        "unread `COPY`, which storyc cannot follow column by column, [a.patients]"),
                Arguments.of("MERGE names what it touches",
                        "MERGE INTO a.log t USING (SELECT e.encounter_id FROM a.encounters e) s"
                                + " ON t.id = s.encounter_id WHEN MATCHED THEN DELETE",
                        "unread `MERGE`, which storyc cannot follow column by column,"
                                + " [a.log, a.encounters]"),
                Arguments.of("IS DISTINCT FROM is no FROM list",
                        "SELECT p.mrn IS DISTINCT FROM p.last_name AS changed, p.mrn"
                                + " FROM a.patients p",
                        "QUERY: changed<-patients.mrn[p.mrn]~,patients.last_name[p.last_name]~;"
                                + " mrn<-patients.mrn[p.mrn]="),
                Arguments.of("WITH before INSERT",
                        "WITH c AS (SELECT mrn AS m FROM a.patients) INSERT INTO a.t (x)"
                                + " SELECT c.m FROM c",
                        "INSERT a.t (x): m<-patients.mrn[mrn]="),
                Arguments.of("SELECT INTO",
                        "SELECT p.mrn INTO a.t FROM a.patients p",
                        "SELECT_INTO a.t: mrn<-patients.mrn[p.mrn]="),
                Arguments.of("a table named select holds no query",
                        "DROP TABLE IF EXISTS a.select",
                        ""),
                Arguments.of("a column-alias list renames the table's columns in order",
                        "SELECT t.pid AS patient_id, t.m AS medical_record"
                                + " FROM a.patients AS t (pid, m)",
                        "QUERY: patient_id<-patients.patient_id[t.pid]=;"
                                + " medical_record<-patients.mrn[t.m]="),
                Arguments.of("a column-alias list without AS, read unqualified",
                        "SELECT m, first_name FROM a.patients t (pid, m)",
                        "QUERY: m<-patients.mrn[m]=; first_name<-patients.first_name[first_name]="),
                Arguments.of("a partial list renames only the first columns",
                        "SELECT t.x, t.mrn, t.last_name FROM a.patients t (x)",
                        "QUERY: x<-patients.patient_id[t.x]=; mrn<-patients.mrn[t.mrn]=;"
                                + " last_name<-patients.last_name[t.last_name]="),
                Arguments.of("a list that swaps two names",
                        "SELECT t.patient_id FROM a.patients AS t (mrn, patient_id)",
                        "QUERY: patient_id<-patients.mrn[t.patient_id]="),
                Arguments.of("a list over a feed no script creates: nothing classified can come from it",
                        "SELECT r.m FROM raw.feed AS r (id, m)",
                        "QUERY: m<-feed.m[r.m]="),
                Arguments.of("a list longer than the table",
                        "SELECT e.d FROM a.encounters e (a, b, c, d)",
                        "QUERY: d !the column aliases `e (a, b, c, d)`, which storyc cannot line"
                                + " up with the columns of `a.encounters`{}"),
                Arguments.of("a statement storyc does not know that holds a query",
                        "EXPLAIN SELECT p.mrn FROM a.patients p",
                        "unread a `EXPLAIN` statement that holds a query storyc does not read,"
                                + " anything"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void followsColumns(String name, String sql, String expected) {
        assertThat(describe(sql)).isEqualTo(expected);
    }

    @Test
    void offsetsPointAtTheReference() {
        String sql = "SELECT\n  x.m\nFROM (SELECT p.mrn AS m FROM a.patients p) x";
        SqlScriptFlow flow = SqlFlowAnalysis.ofScript(sql, SCHEMA);
        SqlProduced.Column column = (SqlProduced.Column) flow.writes().get(0).shape()
                .columns().get(0);
        SqlColumnRead read = column.reads().get(0);
        assertThat(read.table()).isEqualTo(TableName.parse("a.patients").orElseThrow());
        assertThat(sql.substring(read.start(), read.end())).isEqualTo("p.mrn");
        assertThat(read.start()).isEqualTo(sql.indexOf("p.mrn"));
        SqlItem item = column.items().get(0);
        assertThat(sql.substring(item.start(), item.end())).isEqualTo("x.m");
        assertThat(read.copied()).isTrue();
    }

    @Test
    void theSameTextGivesTheSameFlow() {
        String sql = "WITH x AS (SELECT * FROM a.patients) SELECT x.mrn, LOWER(x.last_name) l"
                + " FROM x";
        assertThat(SqlFlowAnalysis.ofScript(sql, SCHEMA))
                .isEqualTo(SqlFlowAnalysis.ofScript(sql, SCHEMA));
        assertThat(describe(sql)).isEqualTo(
                "QUERY: mrn<-patients.mrn[x.mrn]=; l<-patients.last_name[x.last_name]~");
    }

    /** Describes every write and unread statement of a script on one line. */
    static String describe(String sql) {
        SqlScriptFlow flow = SqlFlowAnalysis.ofScript(sql, SCHEMA);
        List<String> parts = new ArrayList<>();
        for (SqlWrite write : flow.writes()) {
            StringBuilder out = new StringBuilder(write.kind().name());
            write.target().ifPresent(t -> out.append(' ').append(t.text()));
            if (!write.columns().isEmpty()) {
                out.append(" (").append(String.join(",", write.columns())).append(')');
            }
            out.append(": ").append(write.shape().columns().stream()
                    .map(c -> column(sql, c)).collect(Collectors.joining("; ")));
            write.shape().opaque().forEach(o -> out.append(" !!").append(o.what()));
            parts.add(out.toString());
        }
        flow.unread().forEach(u -> parts.add("unread " + u.where().what() + " "
                + (u.bounded() ? u.tables().toString() : "anything")));
        return String.join(" | ", parts);
    }

    private static String column(String sql, SqlProduced produced) {
        if (produced instanceof SqlProduced.Star star) {
            return star.text();
        }
        SqlProduced.Column column = (SqlProduced.Column) produced;
        StringBuilder out = new StringBuilder(column.name().orElse("?"));
        if (!column.reads().isEmpty()) {
            out.append("<-").append(column.reads().stream().map(r -> r.table().table() + "."
                    + r.column() + "[" + sql.substring(r.start(), r.end()) + "]"
                    + (r.copied() ? "=" : "~")).collect(Collectors.joining(",")));
        }
        for (SqlOpaque opaque : column.opaque()) {
            out.append(" !").append(opaque.what()).append('{').append(opaque.behind().stream()
                    .map(SqlColumnRead::column).sorted().collect(Collectors.joining(",")))
                    .append('}');
        }
        return out.toString();
    }
}
