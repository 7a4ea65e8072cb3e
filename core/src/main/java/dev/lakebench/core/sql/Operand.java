package dev.lakebench.core.sql;

/**
 * Where a search's query value comes from: a user parameter, a literal written in the SQL (a vector, a
 * multi-vector, a string, a number), or an expression the engine evaluates once before the statement runs.
 */
public sealed interface Operand {

    /** {@code $N}. */
    record Param(int index) implements Operand {
        @Override
        public String toString() {
            return "$" + index;
        }
    }

    /** A value parsed from the SQL text: float[], float[][], String or Double. */
    record Literal(Object value) implements Operand {
        @Override
        public String toString() {
            return value instanceof float[] f
                    ? "[" + f.length + " values]"
                    : value instanceof float[][] m ? "[" + m.length + " rows]" : String.valueOf(value);
        }
    }

    /** An expression to evaluate with {@code SELECT (expr)}; its text uses the user's $N numbering. */
    record Expression(BoundSql sql, String display) implements Operand {
        @Override
        public String toString() {
            return display;
        }
    }
}
