package dev.lakebench.core.sql;

import java.util.List;
import java.util.Locale;

/**
 * A parsed SQL expression as a span of significant tokens ({@link #first}..{@link #last}, inclusive), so that
 * rewrites replace exactly the text it came from. Only the shapes the dialect needs are told apart; everything
 * else is {@link Kind#OTHER} with its sub-expressions as children.
 */
public final class Expr {

    /** Expression shapes. */
    public enum Kind {
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

    final Kind kind;
    final int first;
    final int last;
    final String op;
    final List<Expr> children;
    final List<String> name;
    /** Cast target, upper-cased with spaces removed (e.g. {@code FLOAT4[]}); token range of the type. */
    final String type;
    final int typeFirst;
    final int typeLast;

    private Expr(Kind kind, int first, int last, String op, List<Expr> children, List<String> name, String type,
                 int typeFirst, int typeLast) {
        this.kind = kind;
        this.first = first;
        this.last = last;
        this.op = op;
        this.children = children == null ? List.of() : children;
        this.name = name == null ? List.of() : name;
        this.type = type;
        this.typeFirst = typeFirst;
        this.typeLast = typeLast;
    }

    static Expr leaf(Kind kind, int first, int last) {
        return new Expr(kind, first, last, null, null, null, null, -1, -1);
    }

    static Expr of(Kind kind, int first, int last, List<Expr> children) {
        return new Expr(kind, first, last, null, children, null, null, -1, -1);
    }

    static Expr column(int first, int last, List<String> name) {
        return new Expr(Kind.COLUMN, first, last, null, null, name, null, -1, -1);
    }

    static Expr call(int first, int last, List<String> name, List<Expr> args) {
        return new Expr(Kind.CALL, first, last, null, args, name, null, -1, -1);
    }

    static Expr binary(String op, Expr left, Expr right) {
        return new Expr(Kind.BINARY, left.first, right.last, op, List.of(left, right), null, null, -1, -1);
    }

    static Expr unary(String op, int first, Expr operand) {
        return new Expr(Kind.UNARY, first, operand.last, op, List.of(operand), null, null, -1, -1);
    }

    static Expr cast(Expr operand, int first, int last, String type, int typeFirst, int typeLast) {
        return new Expr(Kind.CAST, first, last, null, List.of(operand), null, type, typeFirst, typeLast);
    }

    public Kind kind() {
        return kind;
    }

    public int first() {
        return first;
    }

    public int last() {
        return last;
    }

    public String op() {
        return op;
    }

    public List<Expr> children() {
        return children;
    }

    public List<String> name() {
        return name;
    }

    public String type() {
        return type;
    }

    /** The last part of a column or function name, lower-cased. */
    String simpleName() {
        return name.isEmpty() ? "" : name.get(name.size() - 1).toLowerCase(Locale.ROOT);
    }

    Expr child(int i) {
        return children.get(i);
    }

    /** The expression inside any number of parentheses. */
    Expr unwrap() {
        Expr e = this;
        while (e.kind == Kind.GROUP) {
            e = e.children.get(0);
        }
        return e;
    }

    boolean isBinary(String operator) {
        return kind == Kind.BINARY && op.equals(operator);
    }

    @Override
    public String toString() {
        return kind + (op != null ? "(" + op + ")" : "") + (name.isEmpty() ? "" : name) + (type != null ? "::" + type : "")
                + "[" + first + ".." + last + "]" + (children.isEmpty() ? "" : children);
    }
}
