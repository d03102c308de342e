package dev.storyc.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.config.SecretReference;
import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Position;
import dev.storyc.diag.SourceFile;
import dev.storyc.workspace.Stdlib;
import dev.storyc.workspace.Workspace;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TemplateRendererTest {
    static final Map<String, Object> CONTEXT = Map.of(
            "env", Map.of("name", "dev-alice", "warehouse", Map.of("schema", "analytics",
                            "password", new SecretReference("PW", Optional.empty())),
                    "variables", Map.of("show_pii", false, "tags", List.of("a", "b"))));

    static TemplateRenderer renderer(Map<String, String> workspacePartials, Map<String, String> stdlibPartials) {
        Map<String, SourceFile> ws = new TreeMap<>();
        workspacePartials.forEach((k, v) -> ws.put(k, new SourceFile("partials/" + k + ".mustache", v)));
        Map<String, SourceFile> std = new TreeMap<>();
        stdlibPartials.forEach((k, v) -> std.put(k, new SourceFile("stdlib/partials/" + k + ".mustache", v)));
        Stdlib stdlib = new Stdlib(new SourceFile("stdlib/types/environment.toml", ""), Map.of(), std);
        Workspace workspace = new Workspace(Optional.empty(), new TreeMap<>(), new TreeMap<>(), ws, Optional.empty(), stdlib);
        return TemplateRenderer.forWorkspace(workspace);
    }

    static Rendered render(String text) {
        return renderer(Map.of(), Map.of()).render(new SourceFile("t.sql", text), CONTEXT);
    }

    @Test
    void passesLiquidLookmlReferencesAndSqlThroughUntouched() {
        String text = "sql: ${TABLE}.id = @{CONST} {{ value }} {% if x %}<b>&amp;</b>{% endif %} ;;";
        assertThat(render(text).text()).isEqualTo(text);
    }

    @Test
    void equalRendersShareOneInstanceAcrossSiblingsUntilForgotten() {
        TemplateRenderer renderer = renderer(Map.of(), Map.of());
        TemplateRenderer sibling = renderer.sibling();
        String first = renderer.render(new SourceFile("a", "schema=<% env.warehouse.schema %>\n"), CONTEXT).text();
        String same = sibling.render(new SourceFile("b", "<% env.warehouse.schema %>\n"),
                Map.of("env", Map.of("warehouse", Map.of("schema", "schema=analytics")))).text();
        String other = sibling.render(new SourceFile("c", "<% env.warehouse.schema %>!\n"), CONTEXT).text();

        assertThat(first).isEqualTo("schema=analytics\n");
        assertThat(same).isEqualTo(first).isSameAs(first);
        assertThat(other).isEqualTo("analytics!\n");
        renderer.forgetCompiledTemplates();
        String again = sibling.render(new SourceFile("a", "schema=<% env.warehouse.schema %>\n"), CONTEXT).text();
        assertThat(again).isEqualTo(first).isNotSameAs(first);
    }

    @Test
    void rendersValuesWithoutHtmlEscaping() {
        Rendered rendered = renderer(Map.of(), Map.of()).render(new SourceFile("t", "<% env.name %> & <% v %>"),
                Map.of("env", Map.of("name", "a<b>\"c\""), "v", "'x'"));
        assertThat(rendered.text()).isEqualTo("a<b>\"c\" & 'x'");
    }

    @Test
    void standaloneSectionTagsLeaveNoBlankLines() {
        assertThat(render("a\n<%^ env.variables.show_pii %>\nmasked\n<%/ env.variables.show_pii %>\nb\n").text())
                .isEqualTo("a\nmasked\nb\n");
    }

    @Test
    void iteratesLists() {
        assertThat(render("<%# env.variables.tags %>[<% . %>]<%/ env.variables.tags %>").text()).isEqualTo("[a][b]");
    }

    @Test
    void workspacePartialsOverrideStdlibOnesAndAreIndentedLikeTheirTag() {
        TemplateRenderer renderer = renderer(Map.of("p", "one\ntwo\n"), Map.of("p", "stdlib\n", "q", "std-q\n"));
        assertThat(renderer.render(new SourceFile("t", "x {\n  <%> p %>\n}\n"), CONTEXT).text())
                .isEqualTo("x {\n  one\n  two\n}\n");
        assertThat(renderer.render(new SourceFile("t2", "<%> q %>\n"), CONTEXT).text()).isEqualTo("std-q\n");
    }

    @Test
    void partialsUseTheStorycDelimitersToo() {
        TemplateRenderer renderer = renderer(Map.of("p", "schema=<% env.warehouse.schema %> {{ liquid }}\n"), Map.of());
        assertThat(renderer.render(new SourceFile("t", "<%> p %>\n"), CONTEXT).text())
                .isEqualTo("schema=analytics {{ liquid }}\n");
    }

    @Test
    void anUndefinedNameIsAnErrorAtItsTagWithASuggestion() {
        Rendered rendered = render("select 1;\nfrom <% env.warehouse.shema %>.t\n");
        assertThat(rendered.ok()).isFalse();
        Diagnostic diagnostic = rendered.diagnostics().get(0);
        assertThat(diagnostic.code()).isEqualTo(Code.TEMPLATE_UNDEFINED_NAME);
        assertThat(diagnostic.position()).isEqualTo(Position.of("t.sql", 2, 6));
        assertThat(diagnostic.hint()).contains("did you mean `env.warehouse.schema`?");
    }

    @Test
    void sectionsNestedDeeperThanTheLimitAreASyntaxErrorNotAStackOverflow() {
        Rendered rendered = render("select 1;\n" + "<%# env.variables.show_pii %>\n".repeat(5000)
                + "<%/ env.variables.show_pii %>\n".repeat(5000));
        assertThat(rendered.ok()).isFalse();
        Diagnostic diagnostic = rendered.diagnostics().get(0);
        assertThat(diagnostic.message()).contains("nested more than 100 deep");
        assertThat(diagnostic.position().line()).isEqualTo(102);
    }

    @Test
    void aMissingPartialIsReportedAtItsTagOnWhateverLine() {
        Rendered rendered = render("select 1;\n".repeat(9) + "  <%> nope/x %>\n");
        Diagnostic diagnostic = rendered.diagnostics().get(0);
        assertThat(diagnostic.code()).isEqualTo(Code.TEMPLATE_PARTIAL_NOT_FOUND);
        assertThat(diagnostic.position()).isEqualTo(Position.of("t.sql", 10, 3));
    }

    @Test
    void everyUndefinedNameIsReportedOnce() {
        Rendered rendered = render("<% a %> <% b %>\n<%# env.variables.tags %><% c %><%/ env.variables.tags %>\n");
        assertThat(rendered.diagnostics()).extracting(Diagnostic::message)
                .containsExactly("`a` is not defined", "`b` is not defined", "`c` is not defined");
        assertThat(rendered.diagnostics()).extracting(d -> d.position().column()).containsExactly(1, 9, 26);
    }

    @Test
    void aSecretIsNeverWrittenAndIsAnError() {
        Rendered rendered = render("password=<% env.warehouse.password %>;\n");
        assertThat(rendered.text()).isEqualTo("password=;\n").doesNotContain("PW");
        assertThat(rendered.diagnostics()).extracting(Diagnostic::code).containsExactly(Code.TEMPLATE_RENDERS_SECRET);
    }

    @Test
    void compiledTemplatesAreReusedAcrossContexts() {
        TemplateRenderer renderer = renderer(Map.of(), Map.of());
        SourceFile template = new SourceFile("t", "<% env.name %>");
        assertThat(renderer.render(template, Map.of("env", Map.of("name", "a"))).text()).isEqualTo("a");
        assertThat(renderer.render(template, Map.of("env", Map.of("name", "b"))).text()).isEqualTo("b");
        assertThat(renderer.render(template, Map.of("env", Map.of())).diagnostics()).hasSize(1);
    }

    @Test
    void siblingsOnTwoThreadsRenderWhatOneRendererRendersAlone() throws Exception {
        TemplateRenderer first = renderer(Map.of("p", "schema=<% env.warehouse.schema %>\n"), Map.of());
        List<SourceFile> templates = java.util.stream.IntStream.range(0, 200)
                .mapToObj(i -> new SourceFile("t" + i % 20 + ".sql",
                        "-- " + i % 20 + "\n<%> p %>select <% env.name %>, <% missing" + i % 3 + " %>\n"))
                .toList();
        List<Rendered> alone = templates.stream()
                .map(t -> renderer(Map.of("p", "schema=<% env.warehouse.schema %>\n"), Map.of()).render(t, CONTEXT))
                .toList();
        TemplateRenderer second = first.sibling();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var one = pool.submit(() -> templates.stream().map(t -> first.render(t, CONTEXT)).toList());
            var two = pool.submit(() -> templates.stream().map(t -> second.render(t, CONTEXT)).toList());
            assertThat(one.get()).isEqualTo(alone);
            assertThat(two.get()).isEqualTo(alone);
        } finally {
            pool.shutdown();
        }
        assertThat(alone.get(0).text()).isEqualTo("-- 0\nschema=analytics\nselect dev-alice, \n");
        assertThat(alone.get(0).diagnostics()).extracting(d -> d.position())
                .containsExactly(Position.of("t0.sql", 2, 32));
    }

    @Test
    void aRendererThatForgotItsTemplatesRendersThemAgainWithTheirPartialsAndPositions() {
        TemplateRenderer renderer = renderer(Map.of("p", "a=<% nope %>\n"), Map.of());
        SourceFile template = new SourceFile("t.sql", "x\n<%> p %>y=<% env.name %>\n");
        Rendered before = renderer.render(template, CONTEXT);
        renderer.forgetCompiledTemplates();
        Rendered after = renderer.render(template, CONTEXT);
        assertThat(after).isEqualTo(before);
        assertThat(after.text()).isEqualTo("x\na=\ny=dev-alice\n");
        assertThat(after.diagnostics()).extracting(Diagnostic::position)
                .containsExactly(Position.of("partials/p.mustache", 1, 3));
    }
}
