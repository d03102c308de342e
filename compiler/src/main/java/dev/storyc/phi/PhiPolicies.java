package dev.storyc.phi;

import dev.storyc.config.Environment;
import dev.storyc.config.EnvironmentKind;
import dev.storyc.config.PhiSettings;
import dev.storyc.config.Tainted;
import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Diagnostics;
import dev.storyc.diag.Position;
import dev.storyc.diag.Result;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Decides an environment's {@link PhiPolicy} from its {@code phi} table. Production defaults to
 * {@code allow}; every other kind defaults to {@code redact}, the strictest treatment, so a new
 * environment shows nothing until someone decides otherwise. The refusals are located at the
 * line that set them: a development environment that allows a class, a class that cannot be
 * generalized, a pseudonym without a key, a key whose variable is not set.
 */
public final class PhiPolicies {
    private PhiPolicies() {}

    /**
     * Returns the policy of an environment; {@code phi.secret}, read from the process by the
     * config stage, keys its pseudonyms.
     */
    public static Result<PhiPolicy> of(Environment environment) {
        Diagnostics diagnostics = new Diagnostics();
        PhiSettings settings = environment.phi();
        Map<PhiClass, Treatment> treatments = new EnumMap<>(PhiClass.class);
        Map<PhiClass, Position> setAt = new EnumMap<>(PhiClass.class);
        Optional<PseudonymKey> key = Optional.empty();
        boolean keyRead = false;
        for (PhiClass phiClass : PhiClass.values()) {
            String written = settings.treatments().get(phiClass.spelling());
            Position at = settings.positionOf(phiClass.spelling());
            String spelling = written != null ? written : defaultFor(environment.kind());
            setAt.put(phiClass, written != null ? at : environment.definedAt());
            if (written != null && !refused(environment, phiClass, spelling, at, diagnostics)) {
                continue;
            }
            if (spelling.equals("pseudonymize") && !keyRead) {
                key = key(environment, settings, at, diagnostics);
                keyRead = true;
            }
            Optional<Treatment> treatment = treatment(spelling, key);
            treatment.ifPresent(t -> treatments.put(phiClass, t));
        }
        if (diagnostics.hasErrors()) {
            return Result.failed(diagnostics.all());
        }
        return Result.of(new PhiPolicy(environment.name(), treatments, setAt), diagnostics);
    }

    /** Returns the default spelling of a kind: allow in production, the strictest elsewhere. */
    public static String defaultFor(EnvironmentKind kind) {
        return kind == EnvironmentKind.PRODUCTION ? "allow" : "redact";
    }

    /** Reports a setting the environment may not have; returns true when it may. */
    private static boolean refused(Environment environment, PhiClass phiClass, String spelling,
            Position at, Diagnostics diagnostics) {
        String field = PhiSettings.FIELD + "." + phiClass.spelling();
        if (spelling.equals("allow") && environment.kind() == EnvironmentKind.DEVELOPMENT) {
            diagnostics.add(Diagnostic.error(Code.PHI_DEVELOPMENT_ALLOWS, at,
                            "`" + environment.name() + "` is a development environment and cannot"
                                    + " allow `" + phiClass.spelling() + "`")
                    .withHint("a developer's database and Looker project never see PHI; use"
                            + " pseudonymize, generalize or redact (see docs/phi.md)"));
            return false;
        }
        if (spelling.equals("generalize") && !phiClass.generalizes()) {
            diagnostics.add(Diagnostic.error(Code.PHI_TREATMENT_UNFIT, at,
                            "`" + field + "` cannot be generalized: even part of " + article(phiClass.spelling())
                                    + " " + phiClass.spelling().replace('_', ' ') + " still identifies")
                    .withHint("only birth_date (to the year) and quasi (to the year or 3-digit"
                            + " ZIP) generalize; use pseudonymize or redact"));
            return false;
        }
        if (spelling.equals("pseudonymize") && phiClass.generalizes()) {
            diagnostics.add(Diagnostic.error(Code.PHI_TREATMENT_UNFIT, at,
                            "`" + field + "` cannot be pseudonymize: a pseudonym is text, and a "
                                    + phiClass.spelling().replace('_', ' ') + " column holds dates"
                                    + " or ZIP codes")
                    .withHint("generalize keeps the year or the 3-digit ZIP;"
                            + " redact keeps nothing"));
            return false;
        }
        return true;
    }

    private static Optional<PseudonymKey> key(Environment environment, PhiSettings settings,
            Position usedAt, Diagnostics diagnostics) {
        if (settings.secret().isEmpty()) {
            diagnostics.add(Diagnostic.error(Code.PHI_NO_SECRET, usedAt,
                            "`" + environment.name() + "` pseudonymizes but sets no `phi.secret`")
                    .withHint("set phi.secret = \"${env:STORYC_PHI_KEY}\" (any variable name):"
                            + " pseudonyms are a keyed hash, and the key must not be guessable"));
            return Optional.empty();
        }
        Object written = settings.secret().get();
        Position secretAt = settings.positionOf(PhiSettings.SECRET);
        if (!(written instanceof Tainted tainted)) {
            diagnostics.add(Diagnostic.error(Code.PHI_SECRET_NOT_READ, secretAt,
                            "`phi.secret` of `" + environment.name() + "` is written in the file")
                    .withHint("read it from the process, so that the key is not in the repository:"
                            + " phi.secret = \"${env:STORYC_PHI_KEY}\""));
            return Optional.empty();
        }
        Optional<String> secret = Optional.of(String.valueOf(tainted.value())).filter(v -> !v
                .isEmpty());
        if (secret.isEmpty()) {
            diagnostics.add(Diagnostic.error(Code.PHI_SECRET_NOT_READ, secretAt,
                            "`" + tainted.spelling() + "`, the key of `" + environment.name()
                                    + "`'s pseudonyms, is empty")
                    .withHint("set it to a long random value"));
            return Optional.empty();
        }
        return Optional.of(PseudonymKey.derive(secret.get(), environment.name()));
    }

    private static Optional<Treatment> treatment(String spelling, Optional<PseudonymKey> key) {
        return switch (spelling) {
            case "allow" -> Optional.of(new Treatment.Allow());
            case "pseudonymize" -> key.map(Treatment.Pseudonymize::new);
            case "generalize" -> Optional.of(new Treatment.Generalize());
            default -> Optional.of(new Treatment.Redact());
        };
    }

    /** Returns "an" before a vowel, "a" otherwise: "an identifier", "a contact". */
    private static String article(String word) {
        return !word.isEmpty() && "aeiou".indexOf(Character.toLowerCase(word.charAt(0))) >= 0 ? "an" : "a";
    }
}
