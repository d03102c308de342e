package dev.storyc.phi;

import dev.storyc.diag.Position;
import dev.storyc.diag.SourceFile;
import dev.storyc.lookml.Lookml;
import dev.storyc.lookml.dashboard.ParsedDashboards;
import dev.storyc.render.RenderedFile;
import dev.storyc.render.RenderedStory;
import dev.storyc.workspace.ArtifactKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every raw use of a protected column in an environment's rewritten output: the LookML
 * analysis, dashboards' literal filter values, and what the SQL half finds in ETL scripts and
 * derived tables. With the analysis it keeps, it is also what the audit report reads.
 */
final class PhiUses {
    private final LookmlAnalysis analysis;
    private final List<PhiUse> uses;

    private PhiUses(LookmlAnalysis analysis, List<PhiUse> uses) {
        this.analysis = analysis;
        this.uses = uses;
    }

    static PhiUses of(LookmlAnalysis before, List<RenderedStory> rewritten,
            Classification classification, PhiPolicy policy, SqlProtection sql, PhiCache cache) {
        LookmlAnalysis analysis = LookmlAnalysis.of(PhiStage.lookml(rewritten), classification,
                policy, before,
                cache);
        List<PhiUse> uses = new ArrayList<>(analysis.uses());
        for (RenderedStory story : rewritten) {
            for (RenderedFile file : story.files()) {
                if (file.file().kind() == ArtifactKind.DASHBOARD && analysis
                        .mayNameProtectedField(file.text())) {
                    DashboardLiterals.check(cache.dashboard(file.file().source().path(), file
                            .text()),
                            analysis, policy, uses);
                }
                for (SqlProtection.Source source : SqlSources.of(file, file.text())) {
                    for (SqlProtection.Use use : sql.uses(source, classification, policy)) {
                        Position at = new SourceFile(source.path(), file.text())
                                .positionOf(source.offset() + use.offset());
                        uses.add(new PhiUse(source.path(), at, use.token(),
                                use.column(), use.code(), use.message(), use.hint(), Optional
                                        .empty()));
                    }
                }
            }
        }
        return new PhiUses(analysis, List.copyOf(uses));
    }

    List<PhiUse> all() {
        return uses;
    }

    LookmlAnalysis analysis() {
        return analysis;
    }
}
