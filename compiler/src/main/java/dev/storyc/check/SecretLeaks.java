package dev.storyc.check;

import dev.storyc.config.Environment;
import dev.storyc.config.Environments;
import dev.storyc.config.SecretReference;
import dev.storyc.config.Tainted;
import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Position;
import dev.storyc.emit.OutputFile;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks that no secret value reaches an output, whichever way it got there: pasted into a
 * template, set as an ordinary variable, or encoded. Secret values are read from the process
 * environment the run was given, and values read from it into other fields ({@link Tainted}) count
 * as secrets too; they are searched for as written, percent-encoded, base64-encoded (alone, and
 * as HTTP basic auth, {@code base64(user:password)}) and with SQL or JSON quoting, and never
 * appear in a message. Values shorter than
 * {@value #MIN_LENGTH} characters are not searched: they would match everywhere.
 */
final class SecretLeaks {
    static final int MIN_LENGTH = 4;

    /** One secret: where it is declared, and the forms it could appear in. */
    record Secret(String environment, String key, String spelling, Map<String, String> forms) {}

    private SecretLeaks() {}

    /**
     * Returns the secrets of every environment whose value the process environment provides, one
     * per distinct value: environments that share a secret (every test database reading one
     * password variable) are searched for it once, not once each.
     */
    static List<Secret> secrets(Environments environments, Function<String, Optional<String>> processEnvironment) {
        List<Secret> secrets = new ArrayList<>();
        for (Environment environment : environments.all()) {
            collect(environment.name(), "", environment.values(), environment.values(), processEnvironment, secrets);
        }
        Map<String, Secret> distinct = new LinkedHashMap<>();
        secrets.forEach(secret -> distinct.putIfAbsent(secret.forms().get(""), secret));
        return List.copyOf(distinct.values());
    }

    /** Returns the distinct secret values, for the command line to mask in anything it prints. */
    static Set<String> values(Environments environments, Function<String, Optional<String>> processEnvironment) {
        Set<String> values = new LinkedHashSet<>();
        for (Secret secret : secrets(environments, processEnvironment)) {
            values.addAll(secret.forms().values());
        }
        return values;
    }

    private static void collect(String environment, String prefix, Object value, Map<?, ?> root,
            Function<String, Optional<String>> processEnvironment, List<Secret> into) {
        if (value instanceof Map<?, ?> map) {
            new java.util.TreeMap<>(map).forEach((key, nested) -> collect(environment,
                    prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, nested, root, processEnvironment, into));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                collect(environment, prefix + "[" + i + "]", list.get(i), root, processEnvironment, into);
            }
        } else if (value instanceof SecretReference reference) {
            processEnvironment.apply(reference.variable()).or(reference::fallback)
                    .filter(secret -> secret.length() >= MIN_LENGTH)
                    .ifPresent(secret -> into.add(new Secret(environment, prefix, reference.spelling(),
                            forms(secret, user(prefix, root)))));
        } else if (value instanceof Tainted tainted && String.valueOf(tainted.value()).length() >= MIN_LENGTH) {
            into.add(new Secret(environment, prefix, tainted.spelling(), forms(String.valueOf(tainted.value()),
                    Optional.empty())));
        }
    }

    /**
     * Returns the user that goes with a password, for the HTTP basic-auth form
     * ({@code base64(user:password)}): the {@code user} beside a {@code password} key.
     */
    private static Optional<String> user(String key, Map<?, ?> root) {
        if (!key.endsWith("password")) {
            return Optional.empty();
        }
        Object table = root;
        String[] parts = key.split("\\.");
        for (int i = 0; i < parts.length - 1 && table instanceof Map<?, ?> map; i++) {
            table = map.get(parts[i]);
        }
        return table instanceof Map<?, ?> map && map.get("user") != null
                ? Optional.of(String.valueOf(Tainted.reveal(map.get("user")))) : Optional.empty();
    }

    /** Returns the ways a value can be written into a file, by name. */
    private static Map<String, String> forms(String secret, Optional<String> user) {
        Map<String, String> forms = new LinkedHashMap<>();
        user.ifPresent(name -> forms.put("basic-auth (base64 of user:password) ", Base64.getEncoder()
                .encodeToString((name + ":" + secret).getBytes(StandardCharsets.UTF_8))));
        forms.put("", secret);
        forms.putIfAbsent("percent-encoded ", URLEncoder.encode(secret, StandardCharsets.UTF_8));
        forms.putIfAbsent("base64-encoded ", Base64.getEncoder().withoutPadding()
                .encodeToString(secret.getBytes(StandardCharsets.UTF_8)));
        forms.putIfAbsent("SQL-quoted ", secret.replace("'", "''"));
        forms.putIfAbsent("JSON-escaped ", secret.replace("\\", "\\\\").replace("\"", "\\\""));
        Map<String, String> distinct = new LinkedHashMap<>();
        forms.forEach((name, form) -> {
            if (!distinct.containsValue(form)) {
                distinct.put(name, form);
            }
        });
        return distinct;
    }

    static void check(Scope scope, List<Secret> secrets, List<OutputFile> generated) {
        if (secrets.isEmpty()) {
            return;
        }
        for (CheckedFile file : scope.files) {
            Set<String> reported = new HashSet<>();
            scan(file.text(), secrets, (offset, secret, form) -> {
                Position at = file.atOffset(offset, null);
                if (reported.add(at.line() + "\u0000" + secret.spelling())) {
                    scope.report(diagnostic(scope, at, secret, form, "this file"));
                }
            });
        }
        for (OutputFile file : generated) {
            Set<String> reported = new HashSet<>();
            scan(file.text(), secrets, (offset, secret, form) -> {
                if (reported.add(secret.spelling())) {
                    scope.report(diagnostic(scope, scope.environmentPosition(), secret, form,
                            "the generated `" + file.path() + "`"));
                }
            });
        }
    }

    private interface Hit {
        void found(int offset, Secret secret, String form);
    }

    private static void scan(String text, List<Secret> secrets, Hit hit) {
        for (Secret secret : secrets) {
            for (Map.Entry<String, String> form : secret.forms().entrySet()) {
                for (int at = text.indexOf(form.getValue()); at >= 0; at = text.indexOf(form.getValue(), at + 1)) {
                    hit.found(at, secret, form.getKey());
                }
            }
        }
    }

    private static Diagnostic diagnostic(Scope scope, Position at, Secret secret, String form, String where) {
        return Diagnostic.error(Code.SECRET_LEAK, at,
                        where + " contains the " + form + "value of secret `" + secret.key() + "` of environment `"
                                + secret.environment() + "` (" + secret.spelling() + ")")
                .withHint("secrets are read by the tools that run the output, never written into it; remove the value"
                        + " and rotate the secret, since it may already be in a repository's history");
    }
}
