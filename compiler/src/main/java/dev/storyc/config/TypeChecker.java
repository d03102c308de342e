package dev.storyc.config;

import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Diagnostics;
import dev.storyc.diag.Spelling;
import dev.storyc.remote.RemoteAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a resolved environment table against the declared records, fills in defaults and reports
 * every problem it finds in one pass: unknown keys (with "did you mean"), missing required fields,
 * wrong types, broken constraints and secrets that would be exposed.
 *
 * <p>No message quotes a value that was read from the process: such a value may be a secret that a
 * user copied into the wrong field, so messages show the reference as written instead.
 */
final class TypeChecker {
    private final TypeDeclarations types;
    private final VariableLookups lookups;
    private final Diagnostics diagnostics;
    /** The spelling of the tainted value being checked, if any: messages show it, not the value. */
    private String taintedSpelling;

    TypeChecker(TypeDeclarations types, VariableLookups lookups, Diagnostics diagnostics) {
        this.types = types;
        this.lookups = lookups;
        this.diagnostics = diagnostics;
    }

    /** Returns the table checked as the Environment record, with defaults filled in. */
    ConfigTable checkEnvironment(String environment, ConfigTable table) {
        return checkRecord(environment, "", TypeDeclarations.ENVIRONMENT, table);
    }

    /** Checks a value against a field declaration on its own, such as a template parameter. */
    Optional<ConfigValue> checkValue(String label, FieldType field, ConfigValue value) {
        return checkField(label, label, field, value);
    }

    private ConfigTable checkRecord(String environment, String path, String record, ConfigTable table) {
        Map<String, FieldType> fields = types.record(record);
        Map<String, ConfigValue> checked = new LinkedHashMap<>();
        for (Map.Entry<String, ConfigValue> entry : table.entries().entrySet()) {
            String key = entry.getKey();
            FieldType field = fields.get(key);
            if (field == null) {
                diagnostics.add(context(Diagnostic.error(Code.ENV_UNKNOWN_FIELD, entry.getValue().position(),
                                "`" + join(path, key) + "` is not a field of " + describe(record))
                        .withHint(Spelling.didYouMean(key, fields.keySet())
                                .orElse("the fields are " + String.join(", ", fields.keySet()))), entry.getValue()));
                continue;
            }
            checkField(environment, join(path, key), field, entry.getValue()).ifPresent(v -> checked.put(key, v));
        }
        for (FieldType field : fields.values()) {
            if (table.entries().containsKey(field.name())) {
                continue;
            }
            if (field.defaultValue().isPresent()) {
                ConfigValue value = field.defaultValue().get();
                checked.put(field.name(), types.isRecord(field.type()) && value instanceof ConfigTable t
                        ? checkRecord(environment, join(path, field.name()), field.type(),
                                new ConfigTable(t.entries(), table.position(), t.origin()))
                        : value);
            } else if (field.required()) {
                diagnostics.add(context(Diagnostic.error(Code.ENV_FIELD_MISSING, table.position(),
                                "environment `" + environment + "` does not set `" + join(path, field.name()) + "`")
                        .withHint(field.doc().orElse("add `" + join(path, field.name())
                                + " = ...` to it or to a parent it extends")),
                        table));
            }
        }
        return new ConfigTable(checked, table.position(), table.origin());
    }

    private Optional<ConfigValue> checkField(String environment, String path, FieldType field, ConfigValue value) {
        String type = field.type();
        if (types.isRecord(type)) {
            if (value instanceof ConfigTable table) {
                return Optional.of(checkRecord(environment, path, type, table));
            }
            return mismatch(path, "a table", value);
        }
        if (field.isList() || field.isMap()) {
            return checkCollection(environment, path, field, value);
        }
        if (value.toPlain() instanceof SecretReference secret && !type.equals("secret") && !type.equals("any")) {
            Optional<ConfigValue> read = readPlain(path, secret, value);
            if (read.isEmpty()) {
                return Optional.empty();
            }
            value = read.get();
        }
        if (value instanceof ConfigScalar scalar && scalar.value() instanceof Tainted tainted
                && !type.equals("any") && !type.equals("secret")) {
            return checkTainted(environment, path, field, scalar, tainted);
        }
        Object plain = value.toPlain();
        switch (type) {
            case "any":
                // A free-form value keeps `${env:VAR}` as a reference: templates cannot render it.
                return Optional.of(value);
            case "secret":
                return checkSecret(path, value);
            case "bool":
                return plain instanceof Boolean ? Optional.of(value) : mismatch(path, "a boolean", value);
            case "int":
                if (!(plain instanceof Long number)) {
                    return mismatch(path, "an integer", value);
                }
                return checkRange(path, field, number, value);
            case "enum":
                if (!(plain instanceof String text)) {
                    return mismatch(path, "one of " + String.join(", ", field.values()), value);
                }
                if (!field.values().contains(text)) {
                    diagnostics.add(context(Diagnostic.error(Code.ENV_CONSTRAINT, value.position(),
                                    "`" + path + "` is " + shown(value) + ", which is not one of "
                                            + String.join(", ", field.values()))
                            .withHint(Spelling.didYouMean(text, field.values()).orElse(field.doc().orElse(
                                    "choose one of " + String.join(", ", field.values())))), value));
                    return Optional.empty();
                }
                return Optional.of(value);
            case "url":
                if (!(plain instanceof String url)) {
                    return mismatch(path, "a URL string", value);
                }
                return checkUrl(path, url, value);
            case "identifier":
                if (!(plain instanceof String name)) {
                    return mismatch(path, "a SQL name string", value);
                }
                Optional<String> problem = SqlIdentifiers.problem(name);
                if (problem.isPresent()) {
                    diagnostics.add(context(Diagnostic.error(Code.ENV_CONSTRAINT, value.position(),
                                    "`" + path + "` is " + shown(value) + ", " + problem.get())
                            .withHint(field.doc().orElse("choose another name")), value));
                    return Optional.empty();
                }
                return Optional.of(value);
            case "path":
                if (!(plain instanceof String relative)) {
                    return mismatch(path, "a relative path", value);
                }
                return checkPath(path, relative, value);
            case "string":
                if (!(plain instanceof String text)) {
                    return mismatch(path, "a string", value);
                }
                if (field.pattern().isPresent() && !field.pattern().get().matcher(text).matches()) {
                    diagnostics.add(context(Diagnostic.error(Code.ENV_CONSTRAINT, value.position(),
                                    "`" + path + "` is " + shown(value) + ", which does not match `"
                                            + field.pattern().get() + "`")
                            .withHint(field.doc().orElse("change the value to match the pattern")), value));
                    return Optional.empty();
                }
                return Optional.of(value);
            default:
                throw new IllegalStateException("declared types use unknown type " + type);
        }
    }

    /**
     * Checks a value read from a secret source: only fields that storyc never writes into an
     * output may hold one (the warehouse, which the deploying tools read; the output remote, which
     * may carry a token; variables, which templates cannot render while tainted; the key of
     * pseudonyms, of which outputs hold only a derived key). The value is
     * checked as its type asks, with every message showing the spelling rather than the value.
     */
    private Optional<ConfigValue> checkTainted(String environment, String path, FieldType field, ConfigScalar scalar,
            Tainted tainted) {
        String top = path.split("[.\\[]", 2)[0];
        boolean written = types.record(TypeDeclarations.ENVIRONMENT).containsKey(top)
                && !top.equals("warehouse") && !top.equals("variables")
                && !path.equals("output.remote") && !path.equals("phi.secret");
        if (written) {
            diagnostics.add(context(Diagnostic.error(Code.ENV_TAINTED_FIELD, scalar.position(),
                            "`" + path + "` is read from the process environment (`" + tainted.spelling()
                                    + "`), but storyc writes it into the output")
                    .withHint("a value from `${env:…}` may be a secret, so it may only be used where nothing"
                            + " writes it: write `" + path + "` out in environments.toml"), scalar));
            return Optional.empty();
        }
        String outer = taintedSpelling;
        taintedSpelling = tainted.spelling();
        try {
            return checkField(environment, path, field, scalar.withValue(tainted.value()))
                    .map(checked -> ((ConfigScalar) checked).withValue(
                            new Tainted(((ConfigScalar) checked).value(), tainted.spelling())));
        } finally {
            taintedSpelling = outer;
        }
    }

    /** Reads {@code ${env:VAR}} written in a plain field, unless it copies a secret field. */
    private Optional<ConfigValue> readPlain(String path, SecretReference secret, ConfigValue value) {
        Optional<String> copied = copiesSecret(value);
        if (copied.isPresent()) {
            diagnostics.add(context(Diagnostic.error(Code.ENV_SECRET_EXPOSED, value.position(),
                            "`" + path + "` copies the secret `" + copied.get() + "` into a field that is not secret")
                    .withHint("only fields typed `secret` may hold a secret; pass its name, not its value"), value));
            return Optional.empty();
        }
        Optional<String> read = lookups.read(secret);
        if (read.isEmpty()) {
            diagnostics.add(context(Diagnostic.error(Code.ENV_VARIABLE_UNSET, value.position(),
                            "environment variable `" + secret.variable() + "` is not set")
                    .withHint("set it, or give a default: `${env:" + secret.variable() + ":-value}`"), value));
            return Optional.empty();
        }
        return Optional.of(new ConfigScalar(new Tainted(read.get(), secret.spelling()), value.position(),
                value.origin().withWrittenSpelling(secret.spelling())));
    }

    /** Returns the path of the secret field a value was copied from by reference, if any. */
    private Optional<String> copiesSecret(ConfigValue value) {
        for (Origin step : value.origin().chain()) {
            if (step instanceof Origin.Referenced ref && types.fieldAt(ref.path())
                    .filter(f -> f.type().equals("secret")).isPresent()) {
                return Optional.of(ref.environment() + "." + ref.path());
            }
        }
        return Optional.empty();
    }

    private Optional<ConfigValue> checkSecret(String path, ConfigValue value) {
        String key = path.substring(path.lastIndexOf('.') + 1);
        if (!(value.toPlain() instanceof SecretReference secret)) {
            diagnostics.add(context(Diagnostic.error(Code.ENV_SECRET_EXPOSED, value.position(),
                            "`" + path + "` is a secret and must be a reference, not a value")
                    .withHint("write `" + key + " = \"${env:VARIABLE}\"` and set VARIABLE where storyc runs;"
                            + " secrets never live in files"), value));
            return Optional.empty();
        }
        if (secret.fallback().isPresent()) {
            diagnostics.add(context(Diagnostic.error(Code.ENV_SECRET_EXPOSED, value.position(),
                            "`" + path + "` is a secret, so its reference cannot carry a default")
                    .withHint("a default would be a secret written in a file; write `${env:" + secret.variable()
                            + "}`"), value));
            return Optional.empty();
        }
        return Optional.of(value);
    }

    private Optional<ConfigValue> checkCollection(String environment, String path, FieldType field, ConfigValue value) {
        FieldType element = field.element();
        if (field.isList()) {
            if (!(value instanceof ConfigList list)) {
                return mismatch(path, "a list", value);
            }
            List<ConfigValue> items = new ArrayList<>();
            for (int i = 0; i < list.items().size(); i++) {
                checkField(environment, path + "[" + i + "]", element, list.items().get(i)).ifPresent(items::add);
            }
            return Optional.of(new ConfigList(items, list.position(), list.origin()));
        }
        if (!(value instanceof ConfigTable table)) {
            return mismatch(path, "a table", value);
        }
        Map<String, ConfigValue> entries = new LinkedHashMap<>();
        table.entries().forEach((k, v) -> checkField(environment, join(path, k), element, v)
                .ifPresent(checked -> entries.put(k, checked)));
        return Optional.of(table.withEntries(entries));
    }

    private Optional<ConfigValue> checkRange(String path, FieldType field, long number, ConfigValue value) {
        boolean low = field.min().isPresent() && number < field.min().get();
        boolean high = field.max().isPresent() && number > field.max().get();
        if (low || high) {
            diagnostics.add(context(Diagnostic.error(Code.ENV_CONSTRAINT, value.position(), "`" + path + "` is "
                    + number + ", outside " + field.min().map(String::valueOf).orElse("-inf") + ".."
                    + field.max().map(String::valueOf).orElse("inf")), value));
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /** The schemes storyc's git transport pushes over. */
    private static final java.util.Set<String> REMOTE_SCHEMES =
            java.util.Set.of("file", "git", "http", "https", "ssh", "git+ssh", "ssh+git");
    /** scp-like {@code user@host:path}, which git reads as ssh; as {@code publish.RemoteUrl} reads it. */
    private static final java.util.regex.Pattern SCP_LIKE =
            java.util.regex.Pattern.compile("[^/\\s@:]+@[A-Za-z0-9._-]+:.+");

    /**
     * A remote address git can push to: a URL of {@link #REMOTE_SCHEMES} with a host (but for
     * file://) and a port from 1 to 65535, or scp-like {@code user@host:path}. A password in it is
     * E0218, found on the text before any parsing: a password with a space or a {@code %} is no
     * URL at all, and E0214 quotes the line it stands on, where E0218 masks it.
     */
    private Optional<ConfigValue> checkUrl(String path, String url, ConfigValue value) {
        if (taintedSpelling == null && holdsPassword(url)) {
            diagnostics.add(context(Diagnostic.error(Code.ENV_SECRET_EXPOSED, value.position(),
                            "`" + path + "` holds a password or token in the URL")
                    .withHint("secrets never live in files: write the token as a reference, such as"
                            + " `https://storyc:${env:GIT_TOKEN}@host/repo.git`"), value));
            return Optional.empty();
        }
        if (!url.contains("://") && SCP_LIKE.matcher(url).matches()) {
            return Optional.of(value);
        }
        String problem;
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (scheme == null || !url.contains("://")) {
                problem = "is not a URL";
            } else if (!REMOTE_SCHEMES.contains(scheme)) {
                problem = "uses `" + uri.getScheme() + "://`, which storyc cannot push over";
            } else if (!scheme.equals("file") && uri.getHost() == null) {
                problem = "names no host";
            } else if (uri.getPort() != -1 && (uri.getPort() < 1 || uri.getPort() > 65535)) {
                problem = "names port " + uri.getPort() + ", which is not from 1 to 65535";
            } else {
                return Optional.of(value);
            }
        } catch (URISyntaxException e) {
            problem = "is not a URL";
        }
        diagnostics.add(context(Diagnostic.error(Code.ENV_CONSTRAINT, value.position(), "`" + path + "` " + problem)
                .withHint("use file://, git://, https:// or ssh:// (or user@host:path)"), value));
        return Optional.empty();
    }

    /**
     * The prefixes of GitHub's and GitLab's access tokens. Both hosts take a token written alone
     * where the user stands ({@code https://ghp_...@github.com/...}), so such a user is a secret
     * although no password follows it; an ordinary user name is not.
     */
    private static final java.util.List<String> TOKEN_PREFIXES =
            java.util.List.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_", "glpat-");

    /**
     * Returns true when the address carries {@code user:password@}, or a user that is an access
     * token: in a URL's authority, or at the start of an scp-like address. Read as text, so that
     * it holds for addresses no parser accepts.
     */
    static boolean holdsPassword(String url) {
        Optional<String> userInfo = RemoteAddress.url(url).map(RemoteAddress::userInfo).orElseGet(() -> {
            // Not a URL: whatever stands before an @ ahead of the first / could be git's user,
            // and is judged as one, whether or not git could use the address.
            int slash = url.indexOf('/');
            String authority = slash < 0 ? url : url.substring(0, slash);
            int at = authority.lastIndexOf('@');
            return at < 0 ? Optional.empty() : Optional.of(authority.substring(0, at));
        });
        return userInfo.filter(user -> user.contains(":") || TOKEN_PREFIXES.stream().anyMatch(user::startsWith))
                .isPresent();
    }

    /** The longest file or folder name ext4, APFS and NTFS take, in bytes. */
    private static final int MAX_FILE_NAME_BYTES = 255;

    /** A path stays inside the workspace: relative, forward slashes, no `..` and no empty segment. */
    private Optional<ConfigValue> checkPath(String path, String relative, ConfigValue value) {
        if (relative.indexOf('\0') >= 0) {
            diagnostics.add(context(Diagnostic.error(Code.ENV_CONSTRAINT, value.position(),
                            "`" + path + "` holds a NUL character (`\\u0000`), which no file name"
                                    + " may hold")
                    .withHint("use a relative path inside the workspace, such as `out/prod`"),
                    value));
            return Optional.empty();
        }
        boolean absolute = relative.startsWith("/") || relative.matches("^[A-Za-z]:.*") || relative.startsWith("~");
        boolean escapes = false;
        for (String segment : relative.split("/", -1)) {
            escapes |= segment.equals("..");
        }
        for (String segment : relative.split("/")) {
            if (segment.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_FILE_NAME_BYTES) {
                diagnostics.add(context(Diagnostic.error(Code.ENV_CONSTRAINT, value.position(),
                                "`" + path + "` has a folder name of "
                                        + segment.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                                        + " bytes, and file systems take at most " + MAX_FILE_NAME_BYTES)
                        .withHint("shorten it"), value));
                return Optional.empty();
            }
        }
        if (absolute || escapes || relative.contains("\\") || relative.isEmpty()) {
            diagnostics.add(context(Diagnostic.error(Code.ENV_CONSTRAINT, value.position(),
                            "`" + path + "` is " + shown(value) + ", which leaves the workspace")
                    .withHint("use a relative path inside the workspace with forward slashes, such as `out/prod`;"
                            + " `--out DIR` writes elsewhere"), value));
            return Optional.empty();
        }
        return Optional.of(value);
    }

    private Optional<ConfigValue> mismatch(String path, String expected, ConfigValue value) {
        Object plain = value.toPlain();
        diagnostics.add(context(Diagnostic.error(Code.ENV_FIELD_TYPE, value.position(),
                "`" + path + "` must be " + expected + ", not " + ConfigTypes.withArticle(ConfigTypes.nameOf(plain))), value));
        return Optional.empty();
    }

    /** Returns how a message quotes a value: its text, or the reference it was read through. */
    private String shown(ConfigValue value) {
        if (taintedSpelling != null) {
            return "`" + taintedSpelling + "` (as written)";
        }
        if (value.origin().root() instanceof Origin.Written written && written.spelling().isPresent()
                && (written.spelling().get().contains("${env:") || written.spelling().get().contains("${sys:"))) {
            return "`" + written.spelling().get() + "` (as written)";
        }
        return "`" + value.toPlain() + "`";
    }

    /** Adds the template instantiation or reference that put a value here, as related locations. */
    static Diagnostic context(Diagnostic diagnostic, ConfigValue value) {
        Diagnostic result = diagnostic;
        for (Origin step : value.origin().chain()) {
            if (step instanceof Origin.Instantiated inst) {
                result = result.withRelated(inst.at(), "instantiated for developer `" + inst.developer() + "` here");
            } else if (step instanceof Origin.Referenced ref && !ref.target().root().equals(ref)) {
                Origin root = ref.target().root();
                if (root instanceof Origin.Written written && written.position().hasLine()) {
                    result = result.withRelated(written.position(), "`" + ref.environment() + "." + ref.path()
                            + "` is set here");
                }
            }
        }
        return result;
    }


    private static String describe(String record) {
        return switch (record) {
            case TypeDeclarations.ENVIRONMENT -> "an environment";
            case TypeDeclarations.VARIABLES -> "the variables declared in [types.variables]";
            default -> "`" + record + "`";
        };
    }

    private static String join(String prefix, String key) {
        return prefix.isEmpty() ? key : prefix + "." + key;
    }
}
