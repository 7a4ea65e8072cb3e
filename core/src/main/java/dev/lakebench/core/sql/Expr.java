package dev.lakebench.core.sql;

import java.util.List;
import java.util.Locale;

/**
 * A parsed SQL expression as a span of significant tokens ({@link #first()}..{@link #last()}, inclusive), so that
 * rewrites replace exactly the text it came from. One record per shape the dialect tells apart; everything else
 * is {@link Other} with its sub-expressions as children. {@link #kind()} names the shape for switches.
 */
public sealed interface Expr {

    /** Expression shapes. */
    enum Kind {
        /** a, t.a, main.t.a (name parts in {@link #name}) */
        COLUMN,
        /** $N */
        PARAMETER,
        NUMBER,
        STRING,
        /** TRUE, FALSE, NULL */
        CONSTANT,
        /** f(args) (name parts in {@link #name}, arguments in {@link #children}) */
        CALL,
        /** (expr) */
        GROUP,
        /** (a, b), ROW(a, b) */
        ROW,
        /** (SELECT ...) */
        SUBQUERY,
        /** ARRAY[a, b], [a, b] */
        ARRAY,
        /** expr::type, CAST(expr AS type) (type text in {@link #type}) */
        CAST,
        /** -x, NOT x */
        UNARY,
        /** a op b (operator in {@link #op}) */
        BINARY,
        /** * or t.* */
        STAR,
        OTHER
    }

    Kind kind();

    int first();

    int last();

    /** Sub-expressions (arguments, operands, items). */
    default List<Expr> children() {
        return List.of();
    }

    /** Name parts of a column or function. */
    default List<String> name() {
        return List.of();
    }

    /** The operator of a unary or binary expression. */
    default String op() {
        return null;
    }

    /** Cast target, upper-cased with spaces removed (e.g. {@code FLOAT4[]}). */
    default String type() {
        return null;
    }

    /** Token range of a cast's type, or -1. */
    default int typeFirst() {
        return -1;
    }

    default int typeLast() {
        return -1;
    }

    /** {@code a}, {@code t.a}, {@code main.t.a}, {@code t.*}. */
    record ColumnRef(int first, int last, List<String> name) implements Expr {
        public Kind kind() {
            return Kind.COLUMN;
        }
    }

    /** {@code $N}. */
    record Param(int first, int last) implements Expr {
        public Kind kind() {
            return Kind.PARAMETER;
        }
    }

    record NumberLit(int first, int last) implements Expr {
        public Kind kind() {
            return Kind.NUMBER;
        }
    }

    record StringLit(int first, int last) implements Expr {
        public Kind kind() {
            return Kind.STRING;
        }
    }

    /** TRUE, FALSE, NULL. */
    record Constant(int first, int last) implements Expr {
        public Kind kind() {
            return Kind.CONSTANT;
        }
    }

    /** {@code *}. */
    record Star(int first, int last) implements Expr {
        public Kind kind() {
            return Kind.STAR;
        }
    }

    /** {@code f(args)}. */
    record Call(int first, int last, List<String> name, List<Expr> children) implements Expr {
        public Kind kind() {
            return Kind.CALL;
        }
    }

    /** {@code (expr)}. */
    record Group(int first, int last, List<Expr> children) implements Expr {
        public Kind kind() {
            return Kind.GROUP;
        }
    }

    /** {@code (a, b)}, {@code ROW(a, b)}. */
    record RowExpr(int first, int last, List<Expr> children) implements Expr {
        public Kind kind() {
            return Kind.ROW;
        }
    }

    /** {@code (SELECT ...)}. */
    record Subquery(int first, int last, List<Expr> children) implements Expr {
        public Kind kind() {
            return Kind.SUBQUERY;
        }
    }

    /** {@code ARRAY[a, b]}, {@code [a, b]}. */
    record ArrayExpr(int first, int last, List<Expr> children) implements Expr {
        public Kind kind() {
            return Kind.ARRAY;
        }
    }

    /** {@code expr::type}, {@code CAST(expr AS type)}. */
    record Cast(int first, int last, List<Expr> children, String type, int typeFirst, int typeLast) implements Expr {
        public Kind kind() {
            return Kind.CAST;
        }
    }

    /** {@code -x}, {@code NOT x}. */
    record Unary(String op, int first, int last, List<Expr> children) implements Expr {
        public Kind kind() {
            return Kind.UNARY;
        }
    }

    /** {@code a op b}. */
    record Binary(String op, int first, int last, List<Expr> children) implements Expr {
        public Kind kind() {
            return Kind.BINARY;
        }
    }

    /** A construct the parser does not model, with the expressions found inside it. */
    record Other(int first, int last, List<Expr> children) implements Expr {
        public Kind kind() {
            return Kind.OTHER;
        }
    }

    static Expr leaf(Kind kind, int first, int last) {
        return switch (kind) {
            case PARAMETER -> new Param(first, last);
            case NUMBER -> new NumberLit(first, last);
            case STRING -> new StringLit(first, last);
            case CONSTANT -> new Constant(first, last);
            case STAR -> new Star(first, last);
            case OTHER -> new Other(first, last, List.of());
            default -> throw new IllegalArgumentException("not a leaf: " + kind);
        };
    }

    static Expr of(Kind kind, int first, int last, List<Expr> children) {
        List<Expr> c = children == null ? List.of() : children;
        return switch (kind) {
            case GROUP -> new Group(first, last, c);
            case ROW -> new RowExpr(first, last, c);
            case SUBQUERY -> new Subquery(first, last, c);
            case ARRAY -> new ArrayExpr(first, last, c);
            case OTHER -> new Other(first, last, c);
            default -> throw new IllegalArgumentException("not a composite: " + kind);
        };
    }

    static Expr column(int first, int last, List<String> name) {
        return new ColumnRef(first, last, name == null ? List.of() : name);
    }

    static Expr call(int first, int last, List<String> name, List<Expr> args) {
        return new Call(first, last, name == null ? List.of() : name, args == null ? List.of() : args);
    }

    static Expr binary(String op, Expr left, Expr right) {
        return new Binary(op, left.first(), right.last(), List.of(left, right));
    }

    static Expr unary(String op, int first, Expr operand) {
        return new Unary(op, first, operand.last(), List.of(operand));
    }

    static Expr cast(Expr operand, int first, int last, String type, int typeFirst, int typeLast) {
        return new Cast(first, last, List.of(operand), type, typeFirst, typeLast);
    }

    /** The last part of a column or function name, lower-cased. */
    default String simpleName() {
        List<String> n = name();
        return n.isEmpty() ? "" : n.get(n.size() - 1).toLowerCase(Locale.ROOT);
    }

    default Expr child(int i) {
        return children().get(i);
    }

    /** The expression inside any number of parentheses. */
    default Expr unwrap() {
        Expr e = this;
        while (e instanceof Group g) {
            e = g.children().get(0);
        }
        return e;
    }

    default boolean isBinary(String operator) {
        return this instanceof Binary b && b.op().equals(operator);
    }
}
