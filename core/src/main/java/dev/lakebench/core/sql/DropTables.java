package dev.lakebench.core.sql;

import java.util.ArrayList;
import java.util.List;

/** {@code DROP TABLE [IF EXISTS] t [, u ...]}: the tables named, which the backend drops with their vectors and indexes. */
public record DropTables(List<String> names, boolean ifExists) {

    public DropTables {
        names = List.copyOf(names);
    }

    /** Reads a statement of kind {@link SqlStatement.Kind#DROP_TABLE}. */
    public static DropTables parse(SqlStatement st) {
        List<Token> sig = st.significant();
        int at = 2;
        boolean ifExists = false;
        if (at + 1 < sig.size() && sig.get(at).isWord("IF") && sig.get(at + 1).isWord("EXISTS")) {
            ifExists = true;
            at += 2;
        }
        List<String> names = new ArrayList<>();
        while (at < sig.size()) {
            QualifiedName name = QualifiedName.read(sig, at);
            if (name == null) {
                break;
            }
            names.add(name.name());
            at = name.lastToken() + 1;
            if (at < sig.size() && sig.get(at).is(",")) {
                at++;
            } else {
                break;
            }
        }
        return new DropTables(names, ifExists);
    }
}
