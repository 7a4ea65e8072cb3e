package dev.lakebench.core.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * What every rewrite rule of one statement works over: the parsed statement and its name scope (read-only), and
 * the three things rules add to — token-range text edits ({@link TextEdits}, lossless: untouched text stays as
 * written), run-time slots and plan notes. The references never change; the collectors only grow.
 */
final class RewriteContext {

    final ParsedStatement parsed;
    final List<Token> sig;
    final NameScope names;
    final TextEdits edits;
    /** Columns with an exact_text index (key lookups are planned for equalities on them). */
    final IndexedColumns indexed;

    private final List<Slot> slots = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    RewriteContext(ParsedStatement parsed, NameScope names) {
        this(parsed, names, IndexedColumns.NONE);
    }

    RewriteContext(ParsedStatement parsed, NameScope names, IndexedColumns indexed) {
        this.indexed = indexed;
        this.parsed = parsed;
        this.sig = parsed.sig;
        this.names = names;
        this.edits = new TextEdits(parsed.statement.text(), parsed.sig);
    }

    SqlStatement statement() {
        return parsed.statement;
    }

    /** Registers a slot and returns its placeholder. */
    String slot(Slot s) {
        slots.add(s);
        return BoundSql.placeholder(slots.size() - 1);
    }

    /** Index of the last slot registered. */
    int lastSlot() {
        return slots.size() - 1;
    }

    /** The slots so far (for SQL fragments that run on their own, such as a filter or a probe). */
    List<Slot> slots() {
        return slots;
    }

    void note(String note) {
        notes.add(note);
    }

    List<String> notes() {
        return List.copyOf(notes);
    }

    /** The original text of tokens {@code first..last}. */
    String original(int first, int last) {
        return edits.original(first, last);
    }

    /** Resolves a column reference in block {@code b}. */
    Resolved resolve(Expr col, QueryBlock b) {
        return names.resolve(col, b);
    }

    BoundSql result() {
        return new BoundSql(edits.apply(), slots);
    }
}
