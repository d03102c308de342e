package dev.storyc.render;

import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.MustacheNotFoundException;
import com.github.mustachejava.TemplateContext;
import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Position;
import dev.storyc.diag.SourceFile;
import dev.storyc.workspace.Workspace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders storyc templates strictly. Each template is compiled once and then executed for as many
 * environments as needed; compiled templates hold no per-run state, so sharing them is safe, even
 * between threads: a renderer's {@link #sibling}s, one per job, share one set of compiled
 * templates (Mustache.java executes a compiled template on several threads at once; compiling is
 * what it does not do concurrently, so each sibling compiles with its own factory).
 */
public final class TemplateRenderer {
    /**
     * The most characters one template may render: far above any real file (a dashboard of 50,000
     * elements is about 13 million), far below what would exhaust the heap.
     */
    static final int MAX_RENDERED_CHARS = 64 * 1024 * 1024;

    private final StrictMustacheFactory factory;
    private final Map<String, SourceFile> partials;
    private final Map<String, SourceFile> sources = new HashMap<>();
    // Keyed by path and text: a pinned story and the working tree can hold different texts under
    // one path, and a hash of the text alone could collide. Shared with the siblings: two jobs
    // held two copies of every story's compiled template, 40 MB at 5,000 stories.
    private final Map<SourceFile, Compiled> compiled;
    // Every distinct text rendered, as its first instance, shared with the siblings: most files
    // render to the same text in most environments, and an environment's own copies would
    // otherwise live until its files are shared after its checks (compile.SharedTexts). Handing
    // back the first instance lets each new copy die young: 35 MB of duplicates held by the two
    // environments in flight at 5,000 stories.
    private final Map<String, String> texts;

    /** A compiled template, its syntax errors, or (as {@link #PLAIN}) a text that is its own render. */
    private record Compiled(Optional<Mustache> mustache, List<Diagnostic> diagnostics) {}

    /** Every plain template's entry: one instance, so a plain template costs only its map entry. */
    private static final Compiled PLAIN = new Compiled(Optional.empty(), List.of());

    private TemplateRenderer(Map<String, SourceFile> partials, Map<SourceFile, Compiled> compiled,
            Map<String, String> texts) {
        this.factory = new StrictMustacheFactory(partials);
        this.partials = Map.copyOf(partials);
        this.compiled = compiled;
        this.texts = texts;
        partials.values().forEach(p -> sources.put(p.path(), p));
    }

    /**
     * Returns a renderer for another thread: the same partials and the same compiled templates,
     * its own factory and sources.
     */
    public TemplateRenderer sibling() {
        return new TemplateRenderer(partials, compiled, texts);
    }

    /**
     * Drops every compiled template (its siblings' too) and template text but the partials', once
     * no sibling renders any more: a renderer that lives on after the stories rendered (to render
     * commit messages) would otherwise hold a compiled template per story file, tens of megabytes
     * at thousands of stories, while outputs are written. A template rendered again is compiled
     * again.
     */
    public synchronized void forgetCompiledTemplates() {
        compiled.clear();
        texts.clear();
        sources.clear();
        partials.values().forEach(p -> sources.put(p.path(), p));
    }

    /** Returns a renderer whose partials are the workspace's, then the stdlib's for names it lacks. */
    public static TemplateRenderer forWorkspace(Workspace workspace) {
        Map<String, SourceFile> partials = new HashMap<>(workspace.stdlib().partials());
        partials.putAll(workspace.partials());
        return new TemplateRenderer(partials, new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
    }

    /** Renders {@code template} with {@code context} as the only data scope. */
    public synchronized Rendered render(SourceFile template, Map<String, Object> context) {
        sources.put(template.path(), template);
        // Whether a text is plain is asked once per text, not once per environment's render.
        Compiled compiledTemplate = compiled.computeIfAbsent(template,
                key -> isPlain(template.text()) ? PLAIN : compile(template));
        if (compiledTemplate == PLAIN) {
            return new Rendered(template.text(), List.of());
        }
        if (compiledTemplate.mustache().isEmpty()) {
            return new Rendered("", compiledTemplate.diagnostics());
        }
        RenderProblems problems = new RenderProblems(sources, context);
        BoundedWriter out = new BoundedWriter(template.text().length() + 256, MAX_RENDERED_CHARS);
        List<Object> scopes = new ArrayList<>(2);
        scopes.add(problems);
        scopes.add(context);
        try {
            compiledTemplate.mustache().get().execute(out, scopes);
        } catch (RuntimeException e) {
            if (BoundedWriter.isOverflow(e)) {
                return new Rendered("", List.of(Diagnostic.error(Code.TEMPLATE_OUTPUT_TOO_LARGE,
                                Position.of(template.path(), 1, 1),
                                "`" + template.path() + "` renders more than " + MAX_RENDERED_CHARS + " characters")
                        .withHint("a partial or section repeats more than intended; storyc stops rendering"
                                + " a file at this size rather than run out of memory")));
            }
            if (e instanceof MustacheException mustache) {
                return new Rendered("", List.of(fromException(template, mustache)));
            }
            throw e;
        }
        return new Rendered(firstInstance(out.toString()), problems.diagnostics());
    }

    /** Returns the instance of {@code text} rendered first, by any sibling; see {@link #texts}. */
    private String firstInstance(String text) {
        String first = texts.putIfAbsent(text, text);
        return first == null ? text : first;
    }

    /**
     * Returns whether a text has no tag, so that it renders to itself. Such a file is not compiled:
     * a compiled template is about 1.9 KB of Mustache.java objects, which a compile keeps for every
     * story file until the last environment is rendered (an eighth of the synthetic workspace's
     * files, 9 MB at 5,000 stories, and more in a workspace of hand-written LookML). Mustache
     * writes text outside tags as it is, except around carriage returns: it drops one that no line
     * feed follows, and writes an empty line after a CRLF as CRLF. A text with a carriage return
     * goes the long way, as does a text too long to render, to be reported; for every other, the
     * text is the render (PlainTemplatesPropertiesTest compares the two).
     */
    static boolean isPlain(String text) {
        return text.length() <= MAX_RENDERED_CHARS && text.indexOf('\r') < 0
                && !text.contains(StrictMustacheFactory.START);
    }

    /**
     * Returns which template line produced each line of {@code rendered}, the text that
     * {@link #render} gave for the same template and context. Costs a second render, so callers ask
     * only when they have something to report; when the traced render does not reproduce
     * {@code rendered} exactly, the identity is returned rather than a wrong answer.
     */
    public synchronized LineOrigins trace(SourceFile template, Map<String, Object> context, String rendered) {
        Optional<LineOrigins.Markers> markers =
                LineOrigins.Markers.unusedIn(template.text(), rendered);
        if (markers.isEmpty()) {
            return LineOrigins.identity();
        }
        SourceFile marked = new SourceFile(template.path(),
                LineOrigins.annotate(template.text(), markers.get()));
        Rendered result = render(marked, context);
        sources.put(template.path(), template);
        if (!result.ok()) {
            return LineOrigins.identity();
        }
        LineOrigins.Traced traced = LineOrigins.read(result.text(), template.text(), markers.get());
        return traced.text().equals(rendered) ? traced.origins() : LineOrigins.identity();
    }

    private Compiled compile(SourceFile template) {
        try {
            return new Compiled(Optional.of(factory.compileTemplate(template)), List.of());
        } catch (MustacheException e) {
            return new Compiled(Optional.empty(), List.of(fromException(template, e)));
        }
    }

    private Diagnostic fromException(SourceFile template, MustacheException e) {
        Throwable cause = e;
        while (cause.getCause() instanceof MustacheException inner) {
            cause = inner;
        }
        MustacheException root = (MustacheException) cause;
        TemplateContext context = root.getContext() != null ? root.getContext() : e.getContext();
        Position at = context == null
                ? Position.of(template.path(), 1, 1)
                : Position.of(context.file(), Math.max(context.line(), 1), 1);
        if (root instanceof StrictMustacheFactory.PartialRecursionException recursion) {
            return Diagnostic.error(Code.TEMPLATE_PARTIAL_RECURSION,
                            locateTag(Position.of(recursion.includer(), 1, 1), recursion.partial()),
                            "partial `" + recursion.partial() + "` includes itself: " + recursion.chain())
                    .withHint("partials are expanded when templates compile, so they cannot recurse");
        }
        if (root instanceof StrictMustacheFactory.PartialDepthException deep) {
            return Diagnostic.error(Code.TEMPLATE_PARTIALS_TOO_DEEP,
                            locateTag(Position.of(deep.includer(), 1, 1), deep.partial()),
                            "partials nest more than " + StrictMustacheFactory.MAX_PARTIAL_DEPTH
                                    + " deep: " + deep.chain())
                    .withHint("include what a deep partial needs directly; templates this deep are hard to read"
                            + " and can multiply their output");
        }
        if (root instanceof StrictCodes.BrokenTag broken) {
            return Diagnostic.error(Code.TEMPLATE_SYNTAX, new RenderProblems(sources, Map.of())
                                    .locateOpening(at.file(), broken.firstLine()).orElse(at),
                            "template syntax error: " + bareMessage(root))
                    .withHint("close each tag on the line it opens: <% name %>");
        }
        if (root instanceof StrictCodes.MisusedExtend misuse) {
            return Diagnostic.error(Code.TEMPLATE_SYNTAX, locateTag(at, misuse.partial()),
                            "template syntax error: " + bareMessage(root))
                    .withHint("an extended partial's tags may only hold <%$ name %>...<%/ name %> blocks that"
                            + " replace the partial's own; put any other tag inside a block");
        }
        if (root instanceof MustacheNotFoundException) {
            String name = bareMessage(root).replaceFirst("^Template ", "").replaceFirst(" not found$", "");
            return Diagnostic.error(Code.TEMPLATE_PARTIAL_NOT_FOUND, locateTag(at, name),
                            "partial `" + name + "` does not exist")
                    .withHint(dev.storyc.diag.Spelling.didYouMean(name, partials.keySet())
                            .orElse("partials live in partials/<name>.mustache in the workspace, or in the stdlib"));
        }
        java.util.regex.Matcher unclosed = UNCLOSED_SECTION.matcher(bareMessage(root));
        if (unclosed.find()) {
            // Mustache.java's line is wrong after a standalone tag (one early); the section's own
            // opening tag is where to look (round 18).
            Optional<Position> opening = new RenderProblems(sources, Map.of())
                    .locateSection(at.file(), unclosed.group(1));
            if (opening.isPresent()) {
                return Diagnostic.error(Code.TEMPLATE_SYNTAX, opening.get(),
                                "template syntax error: the section `" + unclosed.group(1) + "` opened here is never"
                                        + " closed")
                        .withHint("close it with <%/ " + unclosed.group(1) + " %>");
            }
        }
        if (bareMessage(root).startsWith("Improperly closed variable")) {
            Optional<Position> opening = new RenderProblems(sources, Map.of()).locateUnclosed(at.file());
            if (opening.isPresent()) {
                return Diagnostic.error(Code.TEMPLATE_SYNTAX, opening.get(),
                                "template syntax error: a tag is not closed")
                        .withHint("close each tag on the line it opens: <% name %>");
            }
        }
        return Diagnostic.error(Code.TEMPLATE_SYNTAX, new RenderProblems(sources, Map.of()).locateOpenTag(at),
                        "template syntax error: " + bareMessage(root))
                .withHint("tags are written <% name %>, sections <%# name %>...<%/ name %>, partials <%> name %>");
    }

    /** Mustache.java's message for a section without its closing tag. */
    private static final java.util.regex.Pattern UNCLOSED_SECTION = java.util.regex.Pattern.compile(
            "Failed to close '([^']+)' tag");

    private Position locateTag(Position at, String name) {
        return new RenderProblems(sources, Map.of()).locate(at.file(), at.line(), name);
    }

    /** Returns Mustache.java's message without the " @[file:line]" suffix it appends. */
    private static String bareMessage(MustacheException e) {
        String message = String.valueOf(e.getMessage());
        int at = message.indexOf(" @[");
        return at >= 0 ? message.substring(0, at) : message;
    }
}
