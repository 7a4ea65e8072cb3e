package dev.lakebench.core.index.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * PostgreSQL's SQL/JSON path language in lax mode, the subset most queries use: {@code $}, {@code .key},
 * {@code ."key"}, {@code .*}, {@code [*]}, {@code [n]}, {@code [n to m]}, {@code [last]}, and filters
 * {@code ? (..)} comparing {@code @} paths with constants ({@code == != <> < <= > >=}, {@code && || !},
 * {@code exists(..)}). As in lax mode, an accessor applied to an array applies to its elements, and a missing key
 * is no item. Anything else (strict mode, variables, item methods such as {@code .size()}, arithmetic,
 * {@code like_regex}) fails, saying so.
 */
final class PgJsonPath {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private static final String HINT = "Write the path with $, .key, [*], [n], [n to m] and ? (@ op constant) filters,"
            + " or extract with -> / #> and filter in SQL";

    private final String path;
    private int pos;

    private PgJsonPath(String path) {
        this.path = path;
    }

    /**
     * {@code jsonb_path_query_array} ({@code mode} {@code array}, a jsonb array), {@code jsonb_path_query_first}
     * ({@code first}, the first item or NULL) and {@code jsonb_path_exists} ({@code exists}, true or false).
     */
    static String query(String json, String path, String mode) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new EngineFunctionError("invalid input syntax for type json", HINT);
        }
        PgJsonPath p = new PgJsonPath(path);
        p.skipSpace();
        if (p.word("strict")) {
            throw unsupported("strict mode");
        }
        p.word("lax");
        p.skipSpace();
        p.expect('$');
        List<JsonNode> items = p.accessors(List.of(root), root);
        p.skipSpace();
        if (p.pos < path.length()) {
            throw unsupported("'" + path.substring(p.pos) + "'");
        }
        return switch (mode) {
            case "first" -> items.isEmpty() ? null : PgJsonText.jsonb(items.get(0));
            case "exists" -> Boolean.toString(!items.isEmpty());
            default -> {
                ArrayNode out = JSON.createArrayNode();
                items.forEach(out::add);
                yield PgJsonText.jsonb(out);
            }
        };
    }

    /** Applies the accessors that follow to {@code items}; {@code root} is what {@code $} names in a filter. */
    private List<JsonNode> accessors(List<JsonNode> items, JsonNode root) {
        while (true) {
            skipSpace();
            if (peek('.')) {
                pos++;
                items = member(items);
            } else if (peek('[')) {
                pos++;
                items = subscript(items);
            } else if (peek('?')) {
                pos++;
                skipSpace();
                expect('(');
                int start = pos;
                List<JsonNode> kept = new ArrayList<>();
                for (JsonNode item : unwrap(items)) {
                    pos = start;
                    if (or(item, root) == Truth.TRUE) {
                        kept.add(item);
                    }
                }
                if (items.isEmpty() || unwrap(items).isEmpty()) {
                    or(null, root); // parse the filter all the same, to find its end
                }
                skipSpace();
                expect(')');
                items = kept;
            } else {
                return items;
            }
        }
    }

    private List<JsonNode> member(List<JsonNode> items) {
        List<JsonNode> out = new ArrayList<>();
        if (peek('*')) {
            pos++;
            for (JsonNode n : unwrap(items)) {
                if (n.isObject()) {
                    n.elements().forEachRemaining(out::add);
                }
            }
            return out;
        }
        String key = peek('"') ? string() : name();
        if (peek('(')) {
            throw unsupported("item method ." + key + "()");
        }
        for (JsonNode n : unwrap(items)) {
            if (n.isObject() && n.has(key)) {
                out.add(n.get(key));
            }
        }
        return out;
    }

    private List<JsonNode> subscript(List<JsonNode> items) {
        skipSpace();
        List<JsonNode> out = new ArrayList<>();
        if (peek('*')) {
            pos++;
            skipSpace();
            expect(']');
            for (JsonNode n : items) {
                if (n.isArray()) {
                    n.elements().forEachRemaining(out::add);
                } else {
                    out.add(n);
                }
            }
            return out;
        }
        List<int[]> ranges = new ArrayList<>();
        do {
            int[] from = index();
            skipSpace();
            if (word("to")) {
                int[] to = index();
                ranges.add(new int[] {from[0], from[1], to[0], to[1]});
            } else {
                ranges.add(from);
            }
            skipSpace();
        } while (consume(','));
        expect(']');
        for (JsonNode n : items) {
            List<JsonNode> elements = new ArrayList<>();
            if (n.isArray()) {
                n.elements().forEachRemaining(elements::add);
            } else {
                elements.add(n); // lax: a non-array is an array of one
            }
            for (int[] r : ranges) {
                int last = elements.size() - 1;
                int from = r[0] == LAST ? last - r[1] : r[1];
                int to = r.length == 2 ? from : r[2] == LAST ? last - r[3] : r[3];
                for (int i = Math.max(from, 0); i <= to && i <= last; i++) {
                    out.add(elements.get(i));
                }
            }
        }
        return out;
    }

    private static final int LAST = 1;

    /** {@code {0, n}} for index n, {@code {LAST, k}} for {@code last - k}. */
    private int[] index() {
        skipSpace();
        if (word("last")) {
            skipSpace();
            if (consume('-')) {
                skipSpace();
                return new int[] {LAST, Integer.parseInt(digits())};
            }
            return new int[] {LAST, 0};
        }
        return new int[] {0, Integer.parseInt(digits())};
    }

    // ---- filters ----

    /** SQL/JSON's three truth values: a comparison of values of different kinds is unknown. */
    private enum Truth {
        TRUE,
        FALSE,
        UNKNOWN;

        static Truth of(boolean b) {
            return b ? TRUE : FALSE;
        }

        Truth or(Truth o) {
            return this == TRUE || o == TRUE ? TRUE : this == UNKNOWN || o == UNKNOWN ? UNKNOWN : FALSE;
        }

        Truth and(Truth o) {
            return this == FALSE || o == FALSE ? FALSE : this == UNKNOWN || o == UNKNOWN ? UNKNOWN : TRUE;
        }

        Truth not() {
            return this == UNKNOWN ? UNKNOWN : of(this == FALSE);
        }
    }

    private Truth or(JsonNode item, JsonNode root) {
        return chain("||", () -> and(item, root), Truth::or);
    }

    private Truth and(JsonNode item, JsonNode root) {
        return chain("&&", () -> unary(item, root), Truth::and);
    }

    /** Operands joined by {@code op}, left to right. */
    private Truth chain(
            String op, java.util.function.Supplier<Truth> operand, java.util.function.BinaryOperator<Truth> join) {
        Truth r = operand.get();
        while (true) {
            skipSpace();
            if (!path.startsWith(op, pos)) {
                return r;
            }
            pos += op.length();
            r = join.apply(r, operand.get());
        }
    }

    private Truth unary(JsonNode item, JsonNode root) {
        skipSpace();
        if (peek('!') && !path.startsWith("!=", pos)) {
            pos++;
            skipSpace();
            expect('(');
            Truth r = or(item, root);
            skipSpace();
            expect(')');
            return r.not();
        }
        if (peek('(')) {
            pos++;
            Truth r = or(item, root);
            skipSpace();
            expect(')');
            return r;
        }
        if (word("exists")) {
            skipSpace();
            expect('(');
            List<JsonNode> found = operand(item, root);
            skipSpace();
            expect(')');
            return Truth.of(!found.isEmpty());
        }
        List<JsonNode> left = operand(item, root);
        skipSpace();
        String op = operator();
        List<JsonNode> right = operand(item, root);
        return compare(unwrap(left), op, unwrap(right));
    }

    private String operator() {
        for (String op : List.of("==", "!=", "<>", "<=", ">=", "<", ">")) {
            if (path.startsWith(op, pos)) {
                pos += op.length();
                return op;
            }
        }
        throw unsupported(pos < path.length() ? "'" + path.substring(pos) + "'" : "the end of the filter");
    }

    private List<JsonNode> operand(JsonNode item, JsonNode root) {
        skipSpace();
        if (consume('@')) {
            return accessors(item == null ? List.of() : List.of(item), root);
        }
        if (consume('$')) {
            if (pos < path.length() && Character.isLetter(path.charAt(pos))) {
                throw unsupported("path variables ($" + name() + ")");
            }
            return accessors(List.of(root), root);
        }
        if (peek('"')) {
            return List.of(JSON.getNodeFactory().textNode(string()));
        }
        for (String w : List.of("true", "false", "null")) {
            if (word(w)) {
                return List.of(
                        w.equals("null")
                                ? JSON.getNodeFactory().nullNode()
                                : JSON.getNodeFactory().booleanNode(w.equals("true")));
            }
        }
        int start = pos;
        consume('-');
        while (pos < path.length()
                && (Character.isDigit(path.charAt(pos)) || "._eE+-".indexOf(path.charAt(pos)) >= 0)) {
            if ((path.charAt(pos) == '+' || path.charAt(pos) == '-')
                    && !(path.charAt(pos - 1) == 'e' || path.charAt(pos - 1) == 'E')) {
                break;
            }
            pos++;
        }
        if (pos == start) {
            throw unsupported("'" + path.substring(pos) + "'");
        }
        try {
            return List.of(JSON.getNodeFactory().numberNode(new java.math.BigDecimal(path.substring(start, pos))));
        } catch (NumberFormatException e) {
            throw unsupported("'" + path.substring(start, pos) + "'");
        }
    }

    /** Any pair true is true; otherwise a pair that cannot be compared makes it unknown. */
    private static Truth compare(List<JsonNode> left, String op, List<JsonNode> right) {
        boolean unknown = false;
        for (JsonNode a : left) {
            for (JsonNode b : right) {
                Integer c = order(a, b);
                if (c == null) {
                    if (a.isNull() || b.isNull()) {
                        // null equals only null, and is unequal to everything else
                        boolean eq = a.isNull() && b.isNull();
                        if (op.equals("==") ? eq : (op.equals("!=") || op.equals("<>")) && !eq) {
                            return Truth.TRUE;
                        }
                        unknown |= !op.equals("==") && !op.equals("!=") && !op.equals("<>");
                    } else {
                        unknown = true;
                    }
                    continue;
                }
                boolean r = switch (op) {
                    case "==" -> c == 0;
                    case "!=", "<>" -> c != 0;
                    case "<" -> c < 0;
                    case "<=" -> c <= 0;
                    case ">" -> c > 0;
                    default -> c >= 0;
                };
                if (r) {
                    return Truth.TRUE;
                }
            }
        }
        return unknown ? Truth.UNKNOWN : Truth.FALSE;
    }

    /** The order of two scalars of one kind, or null when they do not compare. */
    private static Integer order(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        if (a.isTextual() && b.isTextual()) {
            return Integer.signum(a.asText().compareTo(b.asText()));
        }
        if (a.isBoolean() && b.isBoolean()) {
            return Boolean.compare(a.asBoolean(), b.asBoolean());
        }
        if (a.isNull() && b.isNull()) {
            return 0;
        }
        return null;
    }

    /** Lax mode: an array stands for its elements. */
    private static List<JsonNode> unwrap(List<JsonNode> items) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode n : items) {
            if (n.isArray()) {
                for (Iterator<JsonNode> it = n.elements(); it.hasNext(); ) {
                    out.add(it.next());
                }
            } else {
                out.add(n);
            }
        }
        return out;
    }

    // ---- lexing ----

    private void skipSpace() {
        while (pos < path.length() && Character.isWhitespace(path.charAt(pos))) {
            pos++;
        }
    }

    private boolean peek(char c) {
        return pos < path.length() && path.charAt(pos) == c;
    }

    private boolean consume(char c) {
        if (peek(c)) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        skipSpace();
        if (!consume(c)) {
            throw unsupported(pos < path.length() ? "'" + path.substring(pos) + "'" : "a path that ends early");
        }
    }

    /** Consumes {@code w} when it is the next whole word. */
    private boolean word(String w) {
        int end = pos + w.length();
        if (path.startsWith(w, pos) && (end >= path.length() || !Character.isLetterOrDigit(path.charAt(end)))) {
            pos = end;
            return true;
        }
        return false;
    }

    private String name() {
        int start = pos;
        while (pos < path.length() && (Character.isLetterOrDigit(path.charAt(pos)) || path.charAt(pos) == '_')) {
            pos++;
        }
        if (pos == start) {
            throw unsupported(pos < path.length() ? "'" + path.substring(pos) + "'" : "a path that ends early");
        }
        return path.substring(start, pos);
    }

    private String digits() {
        int start = pos;
        while (pos < path.length() && Character.isDigit(path.charAt(pos))) {
            pos++;
        }
        if (pos == start) {
            throw unsupported(pos < path.length() ? "'" + path.substring(pos) + "'" : "a path that ends early");
        }
        return path.substring(start, pos);
    }

    private String string() {
        expect('"');
        StringBuilder sb = new StringBuilder();
        while (pos < path.length() && path.charAt(pos) != '"') {
            char c = path.charAt(pos++);
            if (c == '\\' && pos < path.length()) {
                c = path.charAt(pos++);
            }
            sb.append(c);
        }
        expect('"');
        return sb.toString();
    }

    private static EngineFunctionError unsupported(String what) {
        return new EngineFunctionError("JSON path " + what + " is not supported by the local engine", HINT);
    }
}
