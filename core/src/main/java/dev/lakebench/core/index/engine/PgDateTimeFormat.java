package dev.lakebench.core.index.engine;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's date/time template patterns ({@code YYYY-MM-DD HH24:MI:SS}, {@code FMMonth DD}, {@code Day}, ...):
 * {@code to_char} of a timestamp, date or interval given as the engine's text, and the reading side of
 * {@code to_date} / {@code to_timestamp}. Names are English and padded to 9 characters, numbers zero-padded to the
 * field's width, unless the code has the {@code FM} prefix; {@code TH} / {@code th} add the ordinal suffix;
 * {@code "text"} and characters that are no code are copied.
 */
final class PgDateTimeFormat {

    /** The codes in the order they are tried at a position: a longer code before its prefixes. */
    private static final String[] CODES = {
        "HH24", "HH12", "HH", "IDDD", "ID", "IYYY", "IW", "YYYY", "YYY", "YY", "Y", "MONTH", "MON", "MM", "MS", "MI",
        "DAY", "DDD", "DD", "DY", "D", "SSSSS", "SSSS", "SS", "US", "WW", "W", "Q", "CC", "J", "TZ", "OF", "A.M.",
        "P.M.", "AM", "PM"
    };

    private static final Pattern INTERVAL_PART = Pattern.compile("(-?\\d+) (year|month|day)s?");
    private static final Pattern INTERVAL_TIME = Pattern.compile("(-?)(\\d+):(\\d+):(\\d+)(?:\\.(\\d+))?");

    private PgDateTimeFormat() {}

    /** The fields a template reads: a point in time, or the parts of an interval (hours beyond 24 kept). */
    private record Fields(
            LocalDateTime time,
            long years,
            long months,
            long days,
            long hours,
            long minutes,
            long seconds,
            long micros,
            int offsetSeconds,
            boolean interval) {}

    /** {@code to_char(value, format)} where {@code engineType} is the value's engine type and {@code text} its text. */
    static String format(String text, String engineType, String format) {
        String type = engineType.toUpperCase(Locale.ROOT);
        Fields f;
        if (type.equals("INTERVAL")) {
            f = interval(text);
        } else if (type.equals("DATE")) {
            f = point(LocalDate.parse(text).atStartOfDay(), 0);
        } else if (type.startsWith("TIMESTAMP")) {
            f = timestamp(text);
        } else {
            throw new EngineFunctionError(
                    "to_char() takes a timestamp, date, interval or number, not " + engineType,
                    "Cast the value, e.g. to_char(x::timestamp, 'YYYY-MM-DD')");
        }
        return render(f, format);
    }

    private static Fields point(LocalDateTime t, int offsetSeconds) {
        return new Fields(
                t,
                t.getYear(),
                t.getMonthValue(),
                t.getDayOfMonth(),
                t.getHour(),
                t.getMinute(),
                t.getSecond(),
                t.getNano() / 1000,
                offsetSeconds,
                false);
    }

    private static Fields timestamp(String text) {
        String s = text.strip();
        int offset = 0;
        Matcher z = Pattern.compile("([+-])(\\d{2})(?::?(\\d{2}))?$").matcher(s);
        if (s.length() > 19 && z.find() && z.start() >= 19) {
            int secs =
                    Integer.parseInt(z.group(2)) * 3600 + (z.group(3) == null ? 0 : Integer.parseInt(z.group(3)) * 60);
            offset = z.group(1).equals("-") ? -secs : secs;
            s = s.substring(0, z.start());
        }
        return point(LocalDateTime.parse(s.replace(' ', 'T')), offset);
    }

    private static Fields interval(String text) {
        long years = 0;
        long months = 0;
        long days = 0;
        Matcher m = INTERVAL_PART.matcher(text);
        while (m.find()) {
            long n = Long.parseLong(m.group(1));
            switch (m.group(2)) {
                case "year" -> years += n;
                case "month" -> months += n;
                default -> days += n;
            }
        }
        years += months / 12;
        months %= 12;
        long hours = 0;
        long minutes = 0;
        long seconds = 0;
        long micros = 0;
        Matcher t = INTERVAL_TIME.matcher(text);
        if (t.find()) {
            int sign = t.group(1).isEmpty() ? 1 : -1;
            hours = sign * Long.parseLong(t.group(2));
            minutes = sign * Long.parseLong(t.group(3));
            seconds = sign * Long.parseLong(t.group(4));
            String frac = t.group(5) == null ? "" : (t.group(5) + "000000").substring(0, 6);
            micros = frac.isEmpty() ? 0 : sign * Long.parseLong(frac);
        }
        return new Fields(null, years, months, days, hours, minutes, seconds, micros, 0, true);
    }

    private static final long DAY_MICROS = 86_400_000_000L;

    /**
     * {@code justify_days} (30 days a month), {@code justify_hours} (24 hours a day) or {@code justify_interval}
     * (both, and one sign throughout) of an interval in the engine's text; the result is engine interval text.
     */
    static String justify(String text, String what) {
        Fields f = interval(text);
        long months = f.years() * 12 + f.months();
        long days = f.days();
        long micros = ((f.hours() * 60 + f.minutes()) * 60 + f.seconds()) * 1_000_000 + f.micros();
        if (what.equals("hours") || what.equals("interval")) {
            days += micros / DAY_MICROS;
            micros %= DAY_MICROS;
            if (days > 0 && micros < 0) {
                micros += DAY_MICROS;
                days--;
            } else if (days < 0 && micros > 0) {
                micros -= DAY_MICROS;
                days++;
            }
        }
        if (what.equals("days") || what.equals("interval")) {
            months += days / 30;
            days %= 30;
            if (months > 0 && (days < 0 || days == 0 && micros < 0)) {
                days += 30;
                months--;
            } else if (months < 0 && (days > 0 || days == 0 && micros > 0)) {
                days -= 30;
                months++;
            }
        }
        if (what.equals("interval")) {
            if (days > 0 && micros < 0) {
                micros += DAY_MICROS;
                days--;
            } else if (days < 0 && micros > 0) {
                micros -= DAY_MICROS;
                days++;
            }
        }
        return months + " months " + days + " days " + micros + " microseconds";
    }

    private static String render(Fields f, String format) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i);
            if (c == '"') {
                int end = format.indexOf('"', i + 1);
                end = end < 0 ? format.length() : end;
                out.append(format, i + 1, end);
                i = end + 1;
                continue;
            }
            if (c == '\\' && i + 1 < format.length()) {
                out.append(format.charAt(i + 1));
                i += 2;
                continue;
            }
            boolean fill = format.regionMatches(true, i, "FM", 0, 2);
            int at = fill ? i + 2 : i;
            String code = codeAt(format, at);
            if (code == null) {
                out.append(fill ? "FM" : String.valueOf(c));
                i += fill ? 2 : 1;
                continue;
            }
            String written = format.substring(at, at + code.length());
            i = at + code.length();
            String value = field(f, code, written, fill);
            if (format.regionMatches(false, i, "TH", 0, 2) || format.regionMatches(false, i, "th", 0, 2)) {
                boolean upper = format.charAt(i) == 'T';
                i += 2;
                value += ordinal(value, upper);
            }
            out.append(value);
        }
        return out.toString();
    }

    private static String codeAt(String format, int at) {
        for (String code : CODES) {
            if (format.regionMatches(true, at, code, 0, code.length())) {
                return code;
            }
        }
        return null;
    }

    private static String field(Fields f, String code, String written, boolean fill) {
        LocalDateTime t = f.time();
        return switch (code) {
            case "HH24" -> number(f.hours(), 2, fill);
            case "HH12", "HH" -> number(f.hours() % 12 == 0 && !f.interval() ? 12 : f.hours() % 12, 2, fill);
            case "MI" -> number(f.minutes(), 2, fill);
            case "SS" -> number(f.seconds(), 2, fill);
            case "MS" -> number(f.micros() / 1000, 3, fill);
            case "US" -> number(f.micros(), 6, fill);
            case "SSSS", "SSSSS" -> number(f.hours() * 3600 + f.minutes() * 60 + f.seconds(), 1, fill);
            case "AM", "PM", "A.M.", "P.M." -> meridiem(f.hours() >= 12, written);
            case "YYYY" -> number(f.years(), 4, fill);
            case "YYY" -> number(Math.floorMod(f.years(), 1000), 3, fill);
            case "YY" -> number(Math.floorMod(f.years(), 100), 2, fill);
            case "Y" -> number(Math.floorMod(f.years(), 10), 1, fill);
            case "MM" -> number(f.months(), 2, fill);
            case "DD" -> number(f.days(), 2, fill);
            case "CC" -> number(f.years() > 0 ? (f.years() + 99) / 100 : f.years() / 100 - 1, 2, fill);
            case "TZ" -> cased(zone(f.offsetSeconds()), written);
            case "OF" -> offset(f.offsetSeconds());
            default -> {
                if (t == null) {
                    throw new EngineFunctionError(
                            "to_char() of an interval has no " + code + " field",
                            "Use the interval's fields: YYYY, MM, DD, HH24, MI, SS, MS, US");
                }
                yield dateField(t, code, written, fill);
            }
        };
    }

    private static String dateField(LocalDateTime t, String code, String written, boolean fill) {
        return switch (code) {
            case "MONTH" -> name(t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH), written, fill);
            case "MON" -> cased(t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH), written);
            case "DAY" -> name(t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH), written, fill);
            case "DY" -> cased(t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH), written);
            case "DDD" -> number(t.getDayOfYear(), 3, fill);
            case "IDDD" ->
                number(
                        (t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) - 1) * 7L
                                + t.getDayOfWeek().getValue(),
                        3,
                        fill);
            case "D" ->
                number(
                        t.getDayOfWeek() == DayOfWeek.SUNDAY
                                ? 1
                                : t.getDayOfWeek().getValue() + 1,
                        1,
                        fill);
            case "ID" -> number(t.getDayOfWeek().getValue(), 1, fill);
            case "W" -> number((t.getDayOfMonth() - 1) / 7 + 1, 1, fill);
            case "WW" -> number((t.getDayOfYear() - 1) / 7 + 1, 2, fill);
            case "IW" -> number(t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), 2, fill);
            case "IYYY" -> number(t.get(IsoFields.WEEK_BASED_YEAR), 4, fill);
            case "Q" -> number((t.getMonthValue() - 1) / 3 + 1, 1, fill);
            case "J" -> number(t.toLocalDate().toEpochDay() + 2440588, 1, fill);
            default -> throw new IllegalStateException(code);
        };
    }

    private static String number(long n, int width, boolean fill) {
        String digits = Long.toString(Math.abs(n));
        if (!fill && digits.length() < width) {
            digits = "0".repeat(width - digits.length()) + digits;
        }
        return n < 0 ? "-" + digits : digits;
    }

    /** A month or day name in the code's case (MONTH, Month, month), padded to 9 characters unless FM. */
    private static String name(String name, String written, boolean fill) {
        String s = cased(name, written);
        return fill ? s : String.format("%-9s", s);
    }

    private static String cased(String s, String written) {
        if (written.chars().filter(Character::isLetter).allMatch(Character::isUpperCase)) {
            return s.toUpperCase(Locale.ROOT);
        }
        if (Character.isLowerCase(written.charAt(0))) {
            return s.toLowerCase(Locale.ROOT);
        }
        return s;
    }

    private static String meridiem(boolean pm, String written) {
        String s = written.contains(".") ? (pm ? "P.M." : "A.M.") : (pm ? "PM" : "AM");
        return Character.isLowerCase(written.charAt(0)) ? s.toLowerCase(Locale.ROOT) : s;
    }

    private static String zone(int offsetSeconds) {
        return offsetSeconds == 0 ? "UTC" : offset(offsetSeconds);
    }

    private static String offset(int offsetSeconds) {
        int abs = Math.abs(offsetSeconds);
        String s = (offsetSeconds < 0 ? "-" : "+") + String.format("%02d", abs / 3600);
        return abs % 3600 == 0 ? s : s + String.format(":%02d", abs % 3600 / 60);
    }

    private static String ordinal(String number, boolean upper) {
        String digits = number.strip();
        int n = digits.isEmpty() || !Character.isDigit(digits.charAt(digits.length() - 1))
                ? 0
                : Integer.parseInt(
                        digits.substring(Math.max(0, digits.length() - 2)).replaceAll("\\D", "0"));
        String s = n % 100 >= 11 && n % 100 <= 13
                ? "th"
                : switch (n % 10) {
                    case 1 -> "st";
                    case 2 -> "nd";
                    case 3 -> "rd";
                    default -> "th";
                };
        return upper ? s.toUpperCase(Locale.ROOT) : s;
    }

    // ---- reading: to_date / to_timestamp ----

    /**
     * The timestamp {@code text} holds according to {@code format}, as {@code yyyy-MM-dd HH:mm:ss.SSSSSS}. As in
     * PostgreSQL, a character of the format that is no code skips one separator of the text, spaces skip any
     * spaces, and fields the format does not name default to the first of January of year 1 at midnight.
     */
    static String parse(String text, String format, String function) {
        int year = 1;
        int month = 1;
        int day = 1;
        int hour = 0;
        int minute = 0;
        int second = 0;
        int micros = 0;
        int dayOfYear = 0;
        Boolean pm = null;
        int p = 0;
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i);
            if (c == '"') {
                int end = format.indexOf('"', i + 1);
                end = end < 0 ? format.length() : end;
                p = Math.min(text.length(), p + (end - i - 1));
                i = end + 1;
                continue;
            }
            boolean fill = format.regionMatches(true, i, "FM", 0, 2);
            int at = fill ? i + 2 : i;
            String code = codeAt(format, at);
            if (code == null) {
                if (Character.isWhitespace(c)) {
                    while (p < text.length() && Character.isWhitespace(text.charAt(p))) {
                        p++;
                    }
                } else if (p < text.length() && !Character.isLetterOrDigit(text.charAt(p))) {
                    p++;
                }
                i++;
                continue;
            }
            i = at + code.length();
            if (format.regionMatches(true, i, "TH", 0, 2)) {
                i += 2;
            }
            while (p < text.length() && Character.isWhitespace(text.charAt(p))) {
                p++;
            }
            boolean digitsFollow = i < format.length() && codeAt(format, i) != null;
            switch (code) {
                case "MONTH", "MON" -> {
                    int start = p;
                    while (p < text.length() && Character.isLetter(text.charAt(p))) {
                        p++;
                    }
                    month = monthNumber(text.substring(start, p), text, function);
                    continue;
                }
                case "DAY", "DY" -> {
                    while (p < text.length() && Character.isLetter(text.charAt(p))) {
                        p++;
                    }
                    continue;
                }
                case "AM", "PM", "A.M.", "P.M." -> {
                    String m = text.substring(p, Math.min(text.length(), p + code.length()));
                    pm = m.toUpperCase(Locale.ROOT).startsWith("P");
                    p += m.length();
                    continue;
                }
                case "TZ", "OF" -> {
                    while (p < text.length() && !Character.isWhitespace(text.charAt(p))) {
                        p++;
                    }
                    continue;
                }
                default -> {
                    // a number
                }
            }
            int width = switch (code) {
                case "YYYY", "IYYY" -> digitsFollow ? 4 : 9;
                case "YYY", "DDD", "MS" -> 3;
                case "Y", "D", "ID", "Q" -> 1;
                case "US" -> 6;
                case "J", "SSSS", "SSSSS" -> 9;
                default -> 2;
            };
            int start = p;
            if (p < text.length() && text.charAt(p) == '-') {
                p++;
            }
            while (p < text.length() && p - start < width && Character.isDigit(text.charAt(p))) {
                p++;
            }
            String digits = text.substring(start, p);
            if (digits.isEmpty() || digits.equals("-")) {
                throw invalid(
                        text, format, function, "no number for " + code + " at \"" + text.substring(start) + "\"");
            }
            int n = Integer.parseInt(digits);
            switch (code) {
                case "YYYY", "IYYY" -> year = n;
                case "YYY", "YY" ->
                    year = digits.length() <= 2 ? (n < 70 ? 2000 + n : 1900 + n) : (n < 100 ? 2000 + n : 1000 + n);
                case "Y" -> year = 2000 + n;
                case "MM" -> month = n;
                case "DD" -> day = n;
                case "DDD" -> dayOfYear = n;
                case "HH24" -> hour = n;
                case "HH12", "HH" -> hour = n % 12;
                case "MI" -> minute = n;
                case "SS" -> second = n;
                case "MS" -> micros = Integer.parseInt((digits + "000").substring(0, 3)) * 1000;
                case "US" -> micros = Integer.parseInt((digits + "000000").substring(0, 6));
                default -> {
                    // read and skipped: weeks, quarters, day numbers the date is not built from
                }
            }
        }
        if (pm != null && pm && hour < 12) {
            hour += 12;
        }
        try {
            LocalDate date = dayOfYear > 0 ? LocalDate.ofYearDay(year, dayOfYear) : LocalDate.of(year, month, day);
            LocalDateTime t = date.atTime(hour, minute, second, micros * 1000);
            return String.format(
                    "%04d-%02d-%02d %02d:%02d:%02d.%06d",
                    t.getYear(),
                    t.getMonthValue(),
                    t.getDayOfMonth(),
                    t.getHour(),
                    t.getMinute(),
                    t.getSecond(),
                    micros);
        } catch (DateTimeException e) {
            throw new EngineFunctionError(
                    function + "(): date/time field value out of range in \"" + text + "\"",
                    "Check the text against the format '" + format + "'");
        }
    }

    private static int monthNumber(String name, String text, String function) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.length() >= 3) {
            for (java.time.Month m : java.time.Month.values()) {
                String full = m.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
                if (full.equals(n) || full.substring(0, 3).equals(n)) {
                    return m.getValue();
                }
            }
        }
        throw new EngineFunctionError(
                function + "(): invalid value \"" + name + "\" for a month name in \"" + text + "\"",
                "Write the month as its English name or abbreviation (Dec, December)");
    }

    private static EngineFunctionError invalid(String text, String format, String function, String what) {
        return new EngineFunctionError(
                function + "(): \"" + text + "\" does not match the format '" + format + "' (" + what + ")",
                "Write the text as the format says, e.g. to_date('2000-12-05', 'YYYY-MM-DD')");
    }
}
