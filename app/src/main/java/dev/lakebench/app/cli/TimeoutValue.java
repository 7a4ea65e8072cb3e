package dev.lakebench.app.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * A statement timeout as the command line takes it: seconds ({@code 30}, {@code 2.5}), or a number with a unit
 * ({@code 500ms}, {@code 30s}, {@code 5min}, {@code 1h}), as PostgreSQL's {@code statement_timeout} is written.
 */
final class TimeoutValue implements CommandLine.ITypeConverter<Double> {

    private static final Pattern WITH_UNIT = Pattern.compile("(\\d+(?:\\.\\d+)?|\\.\\d+)\\s*(ms|s|sec|m|min|h)");
    /** A plain decimal number (not Java's literal forms: "5d" must not pass for 5 seconds). */
    private static final Pattern PLAIN = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([e][-+]?\\d+)?");

    /** The timeout in seconds; {@link IllegalArgumentException} when {@code text} is neither form. */
    static Double seconds(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        Matcher m = WITH_UNIT.matcher(t);
        if (m.matches()) {
            double n = Double.parseDouble(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> n / 1000;
                case "m", "min" -> n * 60;
                case "h" -> n * 3600;
                default -> n;
            };
        }
        if (!PLAIN.matcher(t).matches()) {
            throw new IllegalArgumentException("not a timeout: " + text);
        }
        return Double.valueOf(t);
    }

    @Override
    public Double convert(String value) {
        try {
            return seconds(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(
                    "'" + value + "' is not a timeout: give seconds (30, 2.5) or a unit (500ms, 30s, 5min, 1h)");
        }
    }
}
