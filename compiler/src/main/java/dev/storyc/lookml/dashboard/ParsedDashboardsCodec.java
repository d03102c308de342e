package dev.storyc.lookml.dashboard;

import dev.storyc.diag.ValueBytes;
import dev.storyc.lookml.model.Dashboard;
import dev.storyc.lookml.model.DashboardElement;
import dev.storyc.lookml.model.DashboardElement.Binding;
import dev.storyc.lookml.model.DashboardFilter;
import dev.storyc.lookml.model.Located;
import java.util.Optional;

/**
 * {@link ParsedDashboards} as bytes and back, so that a dashboard file whose text did not change
 * since an earlier run is decoded rather than parsed again: SnakeYAML on a cold JVM is the largest
 * single cost of checking after a one-story edit (the 1,000 dashboards of the synthetic workspace,
 * 1.2 MB, take about 400 ms to parse). Every value of the model is a record of strings, ints,
 * enums, optionals and lists, so the layout ({@link ValueBytes}) is a walk of the records in
 * component order. It is not versioned beyond its magic number: the cache keys every entry by the
 * compiler's build, so bytes of another layout are never read. {@link #decode} returns empty for
 * anything that does not decode to its end, and the caller parses instead.
 */
public final class ParsedDashboardsCodec {
    private static final int MAGIC = 0x53504431; // "SPD1"

    private ParsedDashboardsCodec() {}

    /** Returns {@code parsed} as bytes that {@link #decode} turns back into an equal value. */
    public static byte[] encode(ParsedDashboards parsed) {
        ValueBytes.Writer out = new ValueBytes.Writer();
        out.integer(MAGIC);
        out.string(parsed.path());
        out.list(parsed.dashboards(), dashboard -> dashboard(out, dashboard));
        out.list(parsed.diagnostics(), out::diagnostic);
        return out.bytes();
    }

    /** Returns the value {@code bytes} encode, or empty when they are not one {@link #encode} wrote. */
    public static Optional<ParsedDashboards> decode(byte[] bytes) {
        ValueBytes.Reader in = new ValueBytes.Reader(bytes);
        try {
            if (in.integer() != MAGIC) {
                return Optional.empty();
            }
            ParsedDashboards parsed = new ParsedDashboards(in.string(),
                    in.list(() -> dashboard(in)), in.list(in::diagnostic));
            return in.atEnd() ? Optional.of(parsed) : Optional.empty();
        } catch (RuntimeException e) {
            // A short buffer, an index out of range, an unknown enum name: not an encoding.
            return Optional.empty();
        }
    }

    private static void dashboard(ValueBytes.Writer out, Dashboard dashboard) {
        out.string(dashboard.name());
        out.position(dashboard.position());
        out.optional(dashboard.title(), out::string);
        out.list(dashboard.elements(), element -> element(out, element));
        out.list(dashboard.filters(), filter -> filter(out, filter));
    }

    private static Dashboard dashboard(ValueBytes.Reader in) {
        return new Dashboard(in.string(), in.position(), in.optional(in::string),
                in.list(() -> element(in)), in.list(() -> filter(in)));
    }

    private static void element(ValueBytes.Writer out, DashboardElement element) {
        out.optional(element.name(), out::string);
        out.position(element.position());
        out.optional(element.title(), out::string);
        out.optional(element.type(), out::string);
        out.optional(element.model(), located -> located(out, located));
        out.optional(element.explore(), located -> located(out, located));
        out.list(element.fields(), located -> located(out, located));
        out.list(element.filters(), binding -> binding(out, binding));
        out.list(element.sorts(), located -> located(out, located));
        out.list(element.listen(), binding -> binding(out, binding));
        out.list(element.pivots(), located -> located(out, located));
    }

    private static DashboardElement element(ValueBytes.Reader in) {
        return new DashboardElement(in.optional(in::string), in.position(),
                in.optional(in::string), in.optional(in::string), in.optional(() -> located(in)),
                in.optional(() -> located(in)), in.list(() -> located(in)),
                in.list(() -> binding(in)), in.list(() -> located(in)), in.list(() -> binding(in)),
                in.list(() -> located(in)));
    }

    private static void filter(ValueBytes.Writer out, DashboardFilter filter) {
        out.string(filter.name());
        out.position(filter.position());
        out.optional(filter.title(), out::string);
        out.optional(filter.type(), out::string);
        out.optional(filter.model(), located -> located(out, located));
        out.optional(filter.explore(), located -> located(out, located));
        out.optional(filter.field(), located -> located(out, located));
        out.list(filter.listensToFilters(), located -> located(out, located));
        out.optional(filter.defaultValue(), located -> located(out, located));
    }

    private static DashboardFilter filter(ValueBytes.Reader in) {
        return new DashboardFilter(in.string(), in.position(), in.optional(in::string),
                in.optional(in::string), in.optional(() -> located(in)),
                in.optional(() -> located(in)), in.optional(() -> located(in)),
                in.list(() -> located(in)), in.optional(() -> located(in)));
    }

    private static void binding(ValueBytes.Writer out, Binding binding) {
        located(out, binding.key());
        located(out, binding.value());
    }

    private static Binding binding(ValueBytes.Reader in) {
        return new Binding(located(in), located(in));
    }

    private static void located(ValueBytes.Writer out, Located located) {
        out.string(located.value());
        out.position(located.position());
    }

    private static Located located(ValueBytes.Reader in) {
        return new Located(in.string(), in.position());
    }
}
