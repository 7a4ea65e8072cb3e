package dev.lakebench.core.index.engine;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * PostgreSQL functions of text that the engine does not have, computed in Java ({@link SearchFunctions} registers
 * them with the engine). The dialect's passes call them with text arguments (the value cast to VARCHAR, and its engine type where the
 * function depends on it); each returns text, cast back by the caller where PostgreSQL's type is not text:
 * <ul>
 * <li>{@code lb_to_char(text, type, format)}: {@code to_char} of a number, timestamp, date or interval</li>
 * <li>{@code lb_to_datetime(text, format, function)}: {@code to_date} / {@code to_timestamp}</li>
 * <li>{@code lb_to_number(text, format)}: {@code to_number}</li>
 * <li>{@code lb_quote_ident(text)}, {@code lb_quote_literal(text)}, {@code lb_initcap(text)}</li>
 * <li>{@code lb_jsonb_pretty(json)}, {@code lb_jsonb_strip_nulls(json)}, {@code lb_jsonb_set(json, path, json,
 * create)}, {@code lb_jsonb_concat(json, json)} and {@code lb_jsonb_delete(json, key, 'text' | 'int')}: jsonb's
 * {@code ||} and {@code -}</li>
 * <li>{@code lb_justify(interval, 'days' | 'hours' | 'interval')}: {@code justify_days} and the like</li>
 * <li>{@code lb_json_object(array json, style)} and {@code lb_json_object_pairs(keys json, values json, style)}:
 * {@code json_object} / {@code jsonb_object} of text arrays</li>
 * <li>{@code lb_jsonb_path(json, path, 'array' | 'first' | 'exists')}: {@code jsonb_path_query_array},
 * {@code _first} and {@code jsonb_path_exists} for a subset of SQL/JSON paths ({@link PgJsonPath})</li>
 * </ul>
 * A NULL argument gives NULL, as the PostgreSQL functions are strict.
 */
final class PgTextFunctions {

    /** One function: its engine name, its number of VARCHAR arguments and its body over their values. */
    record TextFunction(String name, int arity, Function<String[], String> body) {}

    static final List<TextFunction> ALL = List.of(
            new TextFunction("lb_to_char", 3, a -> toChar(a[0], a[1], a[2])),
            new TextFunction("lb_to_datetime", 3, a -> PgDateTimeFormat.parse(a[0], a[1], a[2])),
            new TextFunction("lb_to_number", 2, a -> PgNumberFormat.parse(a[0], a[1])),
            new TextFunction("lb_quote_ident", 1, a -> PgQuoting.ident(a[0])),
            new TextFunction("lb_quote_literal", 1, a -> PgQuoting.literal(a[0])),
            new TextFunction("lb_initcap", 1, a -> PgQuoting.initcap(a[0])),
            new TextFunction("lb_jsonb_pretty", 1, a -> PgJsonText.pretty(a[0])),
            new TextFunction("lb_jsonb_strip_nulls", 1, a -> PgJsonText.stripNulls(a[0])),
            new TextFunction("lb_jsonb_set", 4, a -> PgJsonSet.set(a[0], a[1], a[2], a[3])),
            new TextFunction("lb_jsonb_concat", 2, a -> PgJsonOps.concat(a[0], a[1])),
            new TextFunction("lb_jsonb_delete", 3, a -> PgJsonOps.delete(a[0], a[1], a[2])),
            new TextFunction("lb_justify", 2, a -> PgDateTimeFormat.justify(a[0], a[1])),
            new TextFunction("lb_json_object", 2, a -> PgJsonObject.ofArray(a[0], a[1])),
            new TextFunction("lb_json_object_pairs", 3, a -> PgJsonObject.ofPairs(a[0], a[1], a[2])),
            new TextFunction("lb_jsonb_path", 3, a -> PgJsonPath.query(a[0], a[1], a[2])));

    private PgTextFunctions() {}

    static String toChar(String text, String engineType, String format) {
        String type = engineType.toUpperCase(Locale.ROOT);
        if (type.equals("DATE") || type.startsWith("TIMESTAMP") || type.equals("INTERVAL")) {
            return PgDateTimeFormat.format(text, type, format);
        }
        try {
            return PgNumberFormat.format(text, format);
        } catch (NumberFormatException e) {
            throw new EngineFunctionError(
                    "to_char() takes a number, timestamp, date or interval, not " + engineType + " '" + text + "'",
                    "Cast the value, e.g. to_char(x::numeric, '999D99') or to_char(x::timestamp, 'YYYY-MM-DD')");
        }
    }
}
