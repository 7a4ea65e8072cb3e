package dev.lakebench.core.store;

import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.TableError;
import java.util.Locale;
import java.util.regex.Pattern;

/** Table and column names: validation and quoting for generated SQL. */
public final class Identifiers {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private Identifiers() {}

    /** Quotes an identifier for the engine ("a""b"). */
    public static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** Rejects names the SQL surface could not address without quoting, with a message that says why. */
    public static String checkTableName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new TableError(
                    ErrorCode.TABLE_BAD_NAME,
                    "Table name " + (name == null ? "null" : "\"" + name + "\"") + " is not valid",
                    "Use 1 to 63 letters, digits or underscores, starting with a letter or underscore");
        }
        if (name.toLowerCase(Locale.ROOT).startsWith("_lb_")) {
            throw new TableError(
                    ErrorCode.TABLE_BAD_NAME,
                    "Table name \"" + name + "\" is reserved",
                    "Choose a name that does not start with _lb_");
        }
        return name;
    }

    /** Column names may be any non-empty text up to 255 characters, except the reserved row columns. */
    public static String checkColumnName(String name) {
        if (name == null || name.isEmpty() || name.length() > 255) {
            throw new TableError(
                    ErrorCode.TABLE_BAD_NAME,
                    "Column name " + (name == null ? "null" : "\"" + name + "\"") + " is not valid",
                    "Use a non-empty name of at most 255 characters");
        }
        if (name.toLowerCase(Locale.ROOT).startsWith("_lb_")) {
            throw new TableError(
                    ErrorCode.TABLE_BAD_NAME,
                    "Column name \"" + name + "\" is reserved",
                    "Choose a name that does not start with _lb_");
        }
        return name;
    }
}
