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

    /** A decimal number (not Java's literal forms: "5d" must not pass for 5 seconds), then an optional unit. */
    private static final Pattern TIMEOUT =
            Pattern.compile("([-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:e[-+]?\\d+)?)\\s*(ms|s|sec|m|min|h)?");

    /** The timeout in seconds; {@link IllegalArgumentException} when {@code text} is neither form. */
    static Double seconds(String text) {
        Matcher m = TIMEOUT.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("not a timeout: " + text);
        }
        double n = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> n / 1000;
            case "m", "min" -> n * 60;
            case "h" -> n * 3600;
            default -> n;
        };
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
