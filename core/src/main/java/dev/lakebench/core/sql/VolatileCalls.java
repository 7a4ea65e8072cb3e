package dev.lakebench.core.sql;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a value's written form calls a function whose result changes from call to call ({@code random()},
 * {@code nextval(..)}, {@code gen_random_uuid()}): a rewrite that would name such a value twice must compute it
 * once instead. A token check, so deterministic values keep the cheaper forms.
 */
final class VolatileCalls {

    private static final Set<String> VOLATILE = Set.of(
            "random",
            "nextval",
            "setval",
            "gen_random_uuid",
            "uuid",
            "uuidv4",
            "uuidv7",
            "uuid_generate_v4",
            "clock_timestamp",
            "timeofday",
            "setseed");

    private VolatileCalls() {}

    /** Whether the significant tokens {@code [first, last]} call a volatile function. */
    static boolean in(List<Token> sig, int first, int last) {
        for (int i = first; i < last && i + 1 < sig.size(); i++) {
            Token t = sig.get(i);
            if (t.kind() == Token.Kind.WORD
                    && sig.get(i + 1).is("(")
                    && VOLATILE.contains(t.text().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
