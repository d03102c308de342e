package dev.storyc.check;

import dev.storyc.diag.ValueBytes;
import dev.storyc.lookml.model.LookmlFileCodec;
import java.util.Optional;

/**
 * A parsed {@code .lkml} file ({@link ParseCache.Lkml}: its model, top-level keys and syntax
 * errors) as bytes and back, for {@link ParseMemo}: the cache keys entries by the compiler's
 * build, so bytes of another layout are never read, and {@link #decode} returns empty for anything
 * that does not decode to its end.
 */
final class LkmlCodec {
    private static final int MAGIC = 0x53504c31; // "SPL1"

    private LkmlCodec() {}

    static byte[] encode(ParseCache.Lkml parsed) {
        ValueBytes.Writer out = new ValueBytes.Writer();
        out.integer(MAGIC);
        LookmlFileCodec.write(out, parsed.model());
        out.list(parsed.topLevelKeys(), located -> LookmlFileCodec.located(out, located));
        out.list(parsed.diagnostics(), out::diagnostic);
        return out.bytes();
    }

    static Optional<ParseCache.Lkml> decode(byte[] bytes) {
        ValueBytes.Reader in = new ValueBytes.Reader(bytes);
        try {
            if (in.integer() != MAGIC) {
                return Optional.empty();
            }
            ParseCache.Lkml parsed = new ParseCache.Lkml(LookmlFileCodec.read(in),
                    in.list(() -> LookmlFileCodec.located(in)), in.list(in::diagnostic));
            return in.atEnd() ? Optional.of(parsed) : Optional.empty();
        } catch (RuntimeException e) {
            // A short buffer, an index out of range, an unknown enum name: not an encoding.
            return Optional.empty();
        }
    }
}
