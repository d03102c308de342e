package dev.storyc.lookml.model;

import dev.storyc.diag.ValueBytes;

/**
 * The semantic model of one {@code .lkml} file on {@link ValueBytes} and back, for the cache that
 * spares a later run parsing a file whose text it has parsed before. A walk of the model's records
 * in component order; each record is rebuilt through its canonical constructor, so a component
 * added to a record does not compile here until it is written and read too.
 */
public final class LookmlFileCodec {
    private LookmlFileCodec() {}

    public static void write(ValueBytes.Writer out, LookmlFile file) {
        out.string(file.path());
        out.string(file.kind().name());
        out.optional(file.connection(), located -> located(out, located));
        out.list(file.includes(), located -> located(out, located));
        out.list(file.views(), view -> view(out, view));
        out.list(file.explores(), explore -> explore(out, explore));
        out.optional(file.manifest(), manifest -> manifest(out, manifest));
        out.list(file.accessGrants(), located -> located(out, located));
        out.list(file.datagroups(), located -> located(out, located));
        out.list(file.usages(), usage -> usage(out, usage));
    }

    public static LookmlFile read(ValueBytes.Reader in) {
        return new LookmlFile(in.string(), FileKind.valueOf(in.string()),
                in.optional(() -> located(in)), in.list(() -> located(in)),
                in.list(() -> view(in)), in.list(() -> explore(in)),
                in.optional(() -> manifest(in)), in.list(() -> located(in)),
                in.list(() -> located(in)), in.list(() -> usage(in)));
    }

    public static void located(ValueBytes.Writer out, Located located) {
        out.string(located.value());
        out.position(located.position());
    }

    public static Located located(ValueBytes.Reader in) {
        return new Located(in.string(), in.position());
    }

    private static void view(ValueBytes.Writer out, View view) {
        out.string(view.name());
        out.position(view.position());
        out.flag(view.refinement());
        out.list(view.extendsViews(), located -> located(out, located));
        out.flag(view.extensionRequired());
        out.optional(view.sqlTableName(), located -> located(out, located));
        out.optional(view.derivedTable(), derived -> {
            out.position(derived.position());
            out.optional(derived.sql(), located -> located(out, located));
            out.optional(derived.exploreSource(), located -> located(out, located));
        });
        out.list(view.fields(), field -> field(out, field));
        out.list(view.sets(), set -> {
            out.string(set.name());
            out.position(set.position());
            out.list(set.fields(), located -> located(out, located));
        });
        out.list(view.usages(), usage -> usage(out, usage));
    }

    private static View view(ValueBytes.Reader in) {
        return new View(in.string(), in.position(), in.flag(), in.list(() -> located(in)),
                in.flag(), in.optional(() -> located(in)),
                in.optional(() -> new DerivedTable(in.position(), in.optional(() -> located(in)),
                        in.optional(() -> located(in)))),
                in.list(() -> field(in)),
                in.list(() -> new FieldSet(in.string(), in.position(),
                        in.list(() -> located(in)))),
                in.list(() -> usage(in)));
    }

    private static void explore(ValueBytes.Writer out, Explore explore) {
        out.string(explore.name());
        out.position(explore.position());
        out.flag(explore.refinement());
        out.optional(explore.viewName(), located -> located(out, located));
        out.optional(explore.from(), located -> located(out, located));
        out.list(explore.extendsExplores(), located -> located(out, located));
        out.flag(explore.extensionRequired());
        out.list(explore.joins(), join -> join(out, join));
        out.list(explore.fields(), located -> located(out, located));
        out.list(explore.usages(), usage -> usage(out, usage));
    }

    private static Explore explore(ValueBytes.Reader in) {
        return new Explore(in.string(), in.position(), in.flag(), in.optional(() -> located(in)),
                in.optional(() -> located(in)), in.list(() -> located(in)), in.flag(),
                in.list(() -> join(in)), in.list(() -> located(in)), in.list(() -> usage(in)));
    }

    private static void field(ValueBytes.Writer out, Field field) {
        out.string(field.kind().name());
        out.string(field.name());
        out.position(field.position());
        out.optional(field.type(), out::string);
        out.optional(field.sql(), located -> located(out, located));
        out.list(field.timeframes(), out::string);
        out.flag(field.hidden());
    }

    private static Field field(ValueBytes.Reader in) {
        return new Field(FieldKind.valueOf(in.string()), in.string(), in.position(),
                in.optional(in::string), in.optional(() -> located(in)), in.list(in::string),
                in.flag());
    }

    private static void join(ValueBytes.Writer out, Join join) {
        out.string(join.name());
        out.position(join.position());
        out.optional(join.from(), located -> located(out, located));
        out.optional(join.sqlOn(), located -> located(out, located));
        out.optional(join.relationship(), out::string);
        out.optional(join.type(), out::string);
        out.list(join.fields(), located -> located(out, located));
    }

    private static Join join(ValueBytes.Reader in) {
        return new Join(in.string(), in.position(), in.optional(() -> located(in)),
                in.optional(() -> located(in)), in.optional(in::string), in.optional(in::string),
                in.list(() -> located(in)));
    }

    private static void manifest(ValueBytes.Writer out, Manifest manifest) {
        out.optional(manifest.projectName(), located -> located(out, located));
        out.list(manifest.constants(), constant -> {
            out.string(constant.name());
            out.position(constant.position());
            out.optional(constant.value(), located -> located(out, located));
            out.optional(constant.export(), out::string);
        });
        out.list(manifest.localDependencies(), located -> located(out, located));
    }

    private static Manifest manifest(ValueBytes.Reader in) {
        return new Manifest(in.optional(() -> located(in)),
                in.list(() -> new Constant(in.string(), in.position(),
                        in.optional(() -> located(in)), in.optional(in::string))),
                in.list(() -> located(in)));
    }

    private static void usage(ValueBytes.Writer out, Usage usage) {
        out.string(usage.kind().name());
        out.string(usage.text());
        out.position(usage.position());
        out.string(usage.key());
        out.optional(usage.field(), out::string);
        out.optional(usage.join(), out::string);
    }

    private static Usage usage(ValueBytes.Reader in) {
        return new Usage(UsageKind.valueOf(in.string()), in.string(), in.position(), in.string(),
                in.optional(in::string), in.optional(in::string));
    }
}
