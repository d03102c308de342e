package dev.storyc.phi;

import dev.storyc.diag.Code;
import dev.storyc.lookml.dashboard.ParsedDashboards;
import dev.storyc.lookml.model.Dashboard;
import dev.storyc.lookml.model.DashboardElement;
import dev.storyc.lookml.model.DashboardFilter;
import dev.storyc.lookml.model.Located;
import java.util.List;
import java.util.Optional;

/**
 * Refuses a literal value of a protected field in a dashboard: a filter's {@code default_value}
 * or a tile's {@code filters:} value is written into the output as it stands, so an MRN there is
 * an MRN in every environment's repository, whatever the field's treatment does to the data.
 */
final class DashboardLiterals {
    private DashboardLiterals() {}

    static void check(ParsedDashboards parsed, LookmlAnalysis analysis, PhiPolicy policy,
            List<PhiUse> uses) {
        String path = parsed.path();
        for (Dashboard dashboard : parsed.dashboards()) {
            for (DashboardFilter filter : dashboard.filters()) {
                if (filter.field().isPresent() && filter.defaultValue().isPresent()) {
                    literal(path, filter.field().get().value(), filter.defaultValue().get(),
                            analysis,
                            policy, uses, "the default of dashboard filter `" + filter.name()
                                    + "`");
                }
            }
            for (DashboardElement element : dashboard.elements()) {
                for (DashboardElement.Binding binding : element.filters()) {
                    literal(path, binding.key().value(), binding.value(), analysis, policy, uses,
                            "the filter of tile `" + element.name().orElse("?") + "`");
                }
            }
        }
    }

    private static void literal(String path, String field, Located value, LookmlAnalysis analysis,
            PhiPolicy policy, List<PhiUse> uses, String what) {
        int dot = field.indexOf('.');
        if (dot < 0 || !PhiLiterals.looksLikeData(value.value())) {
            return;
        }
        analysis.readsOf(field.substring(0, dot), field.substring(dot + 1))
                .flatMap(columns -> columns.stream()
                        .filter(c -> !policy.treatmentOf(c.phiClass()).exposesRawValues())
                                .findFirst())
                .ifPresent(column -> uses.add(new PhiUse(path, value.position(), value.value(),
                        column,
                        Code.PHI_DASHBOARD_LITERAL, what + " on `" + field
                                + "` holds a literal value of "
                                + column.qualifiedName(),
                        "leave the default empty, or filter on a field that holds no PHI",
                        Optional.empty())));
    }
}
