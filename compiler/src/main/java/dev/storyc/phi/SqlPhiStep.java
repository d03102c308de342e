package dev.storyc.phi;

import dev.storyc.check.SchemaTables;
import dev.storyc.check.TableName;
import dev.storyc.config.Environment;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Diagnostics;
import dev.storyc.diag.Position;
import dev.storyc.diag.Result;
import dev.storyc.diag.SourceFile;
import dev.storyc.etl.EtlJob;
import dev.storyc.etl.EtlJobReader;
import dev.storyc.render.LineOrigins;
import dev.storyc.render.RenderedFile;
import dev.storyc.render.RenderedStory;
import dev.storyc.render.TemplateContexts;
import dev.storyc.render.TemplateRenderer;
import dev.storyc.workspace.ArtifactKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The SQL half of the PHI stage: after rendering, before the output tree is built, every ETL
 * job's SQL, every deploy and revert script and every derived table of one environment is
 * rewritten by {@link SqlPhiRewriter}, so the environment's warehouse is loaded with treated
 * values. What cannot be treated is reported at the template line that wrote it, naming the
 * phi.toml line that classified the column. A pure function of its inputs: same stories, same
 * policy, same bytes.
 */
public final class SqlPhiStep {
    private SqlPhiStep() {}

    /** Returns the stories with their SQL treated, or the places that cannot be. */
    public static Result<List<RenderedStory>> apply(Environment environment,
            List<RenderedStory> stories, Classification classification, PhiPolicy policy,
            List<SchemaTables.Table> schema, TemplateRenderer renderer) {
        SqlPhiRewriter rewriter = new SqlPhiRewriter(classification, policy, schema);
        if (!rewriter.active()) {
            return Result.of(stories, List.of());
        }
        Diagnostics diagnostics = new Diagnostics();
        List<RenderedStory> rewritten = new ArrayList<>();
        for (RenderedStory story : stories) {
            List<RenderedFile> files = new ArrayList<>();
            for (RenderedFile file : story.files()) {
                SqlPhiRewriter.Rewritten out = rewrite(rewriter, story, file);
                if (!out.problems().isEmpty()) {
                    Located at = new Located(environment, story, file, renderer);
                    out.problems().forEach(p -> diagnostics.add(at.diagnostic(p)));
                }
                files.add(out.text().equals(file.text()) ? file
                        : new RenderedFile(file.file(), out.text()));
            }
            rewritten.add(new RenderedStory(story.story(), files));
        }
        return diagnostics.hasErrors() ? Result.failed(diagnostics.all())
                : Result.of(rewritten, diagnostics);
    }

    /** Returns one file rewritten; files that hold no stored SQL come back as they are. */
    static SqlPhiRewriter.Rewritten rewrite(SqlPhiRewriter rewriter, RenderedStory story,
            RenderedFile file) {
        ArtifactKind kind = file.file().kind();
        if (kind == ArtifactKind.ETL_SQL) {
            return rewriter.script(file.text(), jobTarget(story, file));
        }
        if (kind == ArtifactKind.SCHEMA_DEPLOY || kind == ArtifactKind.SCHEMA_REVERT) {
            return rewriter.script(file.text(), Optional.empty());
        }
        if (kind == ArtifactKind.VIEW) {
            return SqlDerivedTables.rewrite(rewriter, file.file().source().path(), file.text());
        }
        return new SqlPhiRewriter.Rewritten(file.text(), List.of());
    }

    /** Returns the table the ETL job that runs this SQL file loads, if a job names the file. */
    static Optional<TableName> jobTarget(RenderedStory story, RenderedFile sql) {
        for (RenderedFile file : story.files()) {
            if (file.file().kind() != ArtifactKind.ETL_JOB) {
                continue;
            }
            Optional<EtlJob> job = EtlJobReader.read(story.story().id().value(),
                    file.file().source().path(), file.text());
            if (job.isPresent() && job.get().sqlFile().equals(sql.file().fileName())) {
                return TableName.parse(job.get().target());
            }
        }
        return Optional.empty();
    }

    /** Turns findings at offsets of a rendered file into diagnostics at its template. */
    private static final class Located {
        private final SourceFile template;
        private final SourceFile rendered;
        private final LineOrigins origins;

        Located(Environment environment, RenderedStory story, RenderedFile file,
                TemplateRenderer renderer) {
            this.template = file.file().source();
            this.rendered = new SourceFile(template.path(), file.text());
            this.origins = renderer.trace(template,
                    TemplateContexts.forStory(environment, story.story()), file.text());
        }

        Diagnostic diagnostic(SqlPhiFinding finding) {
            Position renderedAt = rendered.positionOf(finding.offset());
            int line = origins.templateLine(renderedAt.line());
            String templateLine = template.line(line);
            int column = templateLine.equals(rendered.line(renderedAt.line()))
                    ? renderedAt.column()
                    : Math.max(1, templateLine.length() - templateLine.stripLeading().length() + 1);
            Diagnostic diagnostic = Diagnostic.error(finding.code(),
                    Position.of(template.path(), line, column), finding.message())
                    .withHint(finding.hint());
            return finding.column().map(c -> diagnostic.withRelated(c.declaredAt(),
                    "`" + c.qualifiedName() + "` is classified `" + c.phiClass().spelling()
                            + "` here")).orElse(diagnostic);
        }
    }
}
