package dev.lakebench.core.sql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Engine SQL whose {@code $N} placeholders are either the user's parameters ({@code $1..$n}, as written) or
 * run-time slots ({@code $N} with N above {@link #SLOT_BASE}, see {@link Slot}). {@link #bind} numbers them
 * densely in order of appearance, which the engine requires, and pairs each with its value.
 */
public record BoundSql(String text, List<Slot> slots) {

    /** Placeholders above this number are slots: {@code $(SLOT_BASE + i)} is {@code slots.get(i)}. */
    public static final int SLOT_BASE = 1_000_000;

    public BoundSql {
        slots = List.copyOf(slots);
    }

    public static BoundSql plain(String text) {
        return new BoundSql(text, List.of());
    }

    /** The placeholder text for slot number {@code i}. */
    public static String placeholder(int slotIndex) {
        return "$" + (SLOT_BASE + 1 + slotIndex);
    }

    /**
     * A slot value that is SQL text rather than a bound value (a predicate computed when the statement runs, such
     * as a list of row keys, which the engine can only use to skip data when it sees it as constants).
     */
    public record Inline(String sql) {}

    /** SQL ready for the engine and its values in order. */
    public record Bound(String sql, List<Object> values) {}

    /**
     * Renumbers placeholders densely; user parameter N takes {@code params.get(N - 1)}, slot i takes
     * {@code slotValue.apply(i)}.
     */
    public Bound bind(List<Object> params, IntFunction<Object> slotValue) {
        List<Token> tokens = SqlLexer.tokenize(text);
        StringBuilder sb = new StringBuilder(text.length());
        Map<Integer, Integer> numbers = new HashMap<>();
        List<Object> values = new ArrayList<>();
        for (Token t : tokens) {
            if (t.kind() != Token.Kind.PARAMETER) {
                sb.append(t.text());
                continue;
            }
            int n = t.parameterIndex();
            if (n > SLOT_BASE && slotValue.apply(n - SLOT_BASE - 1) instanceof Inline inline) {
                sb.append(inline.sql());
                continue;
            }
            Integer dense = numbers.get(n);
            if (dense == null) {
                dense = values.size() + 1;
                numbers.put(n, dense);
                if (n > SLOT_BASE) {
                    values.add(slotValue.apply(n - SLOT_BASE - 1));
                } else {
                    values.add(n - 1 < params.size() ? params.get(n - 1) : null);
                }
            }
            sb.append('$').append(dense);
        }
        return new Bound(sb.toString(), values);
    }

    /** The user parameter numbers used, for checks. */
    public boolean usesSlots() {
        return !slots.isEmpty();
    }
}
