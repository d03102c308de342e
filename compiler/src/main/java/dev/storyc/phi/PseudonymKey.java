package dev.storyc.phi;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key an environment's pseudonyms are made with. It is derived from the environment's
 * {@code phi.secret} and its name with HMAC-SHA256, so the secret itself never reaches an output
 * (the secret leak check would refuse it there) and two environments sharing a secret still get
 * unrelated pseudonyms. The derived key is written into the SQL that computes pseudonyms, so
  * whoever
 * reads the output repository can confirm a guessed value; the guarantee pseudonyms give is that
 * the environment's database and dashboards never hold the value itself (see docs/phi.md).
 *
 * @param hex the derived key, 32 lower-case hexadecimal digits
 */
public record PseudonymKey(String hex) {
    public PseudonymKey {
        Objects.requireNonNull(hex, "hex");
        if (!hex.matches("[0-9a-f]{32}")) {
            throw new IllegalArgumentException("a pseudonym key is 32 hexadecimal digits");
        }
    }

    /** Derives the key of one environment from its secret. */
    public static PseudonymKey derive(String secret, String environment) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(("storyc-phi-pseudonym:" + environment)
                    .getBytes(StandardCharsets.UTF_8));
            return new PseudonymKey(HexFormat.of().formatHex(digest).substring(0, 32));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }

    /** Deliberately not the key: a diagnostic or a log line must not print it by accident. */
    @Override
    public String toString() {
        return "PseudonymKey[derived]";
    }
}
