package dev.lakebench.core.sql;

import java.util.List;

/**
 * A possibly qualified name in a statement ({@code t}, {@code main.t}, {@code "T"}), with the significant-token
 * range it spans so that a rewrite can replace it.
 */
public record QualifiedName(List<String> parts, int firstToken, int lastToken) {

    /** The last part: the object's own name. */
    public String name() {
        return parts.get(parts.size() - 1);
    }

    /** The schema part, or null when unqualified. */
    public String schema() {
        return parts.size() >= 2 ? parts.get(parts.size() - 2) : null;
    }

    /** Reads a dotted name starting at significant token {@code at}; null when none starts there. */
    public static QualifiedName read(List<Token> sig, int at) {
        if (at >= sig.size() || !isName(sig.get(at))) {
            return null;
        }
        java.util.ArrayList<String> parts = new java.util.ArrayList<>();
        parts.add(sig.get(at).identifier());
        int i = at;
        while (i + 2 < sig.size() && sig.get(i + 1).is(".") && isName(sig.get(i + 2))) {
            parts.add(sig.get(i + 2).identifier());
            i += 2;
        }
        return new QualifiedName(List.copyOf(parts), at, i);
    }

    static boolean isName(Token t) {
        return t.kind() == Token.Kind.WORD || t.kind() == Token.Kind.QUOTED_IDENTIFIER;
    }
}
