package dev.lakebench.app.ui.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Exclude patterns of the drop list, comma-separated globs such as {@code *.tmp, cache, raw/**}. A pattern without
 * '/' matches a file's name, or the name of any folder on its way (so {@code cache} leaves out every file under a
 * folder called cache); one with '/' matches the path below the dropped folder. Globs: {@code *} any characters
 * but '/', {@code **} any characters, {@code ?} one character, {@code [abc]}, {@code [!a-z]}, {@code {a,b}}.
 * Matching is on strings only, so filtering thousands of entries on the UI thread stays cheap.
 */
final class ExcludePatterns {

    static final ExcludePatterns NONE = new ExcludePatterns(List.of(), List.of());

    private final List<Pattern> byName;
    private final List<Pattern> byPath;

    private ExcludePatterns(List<Pattern> byName, List<Pattern> byPath) {
        this.byName = byName;
        this.byPath = byPath;
    }

    /** Parses the patterns; an {@link IllegalArgumentException} names the one that is not a valid glob. */
    static ExcludePatterns parse(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        List<Pattern> names = new ArrayList<>();
        List<Pattern> paths = new ArrayList<>();
        for (String raw : splitOutsideBraces(text)) {
            String p = raw.strip();
            if (p.isEmpty()) {
                continue;
            }
            try {
                (p.contains("/") ? paths : names).add(Pattern.compile(regex(p)));
            } catch (PatternSyntaxException | IllegalStateException e) {
                throw new IllegalArgumentException(
                        "Exclude pattern \"" + p + "\" is not valid: "
                                + (e instanceof PatternSyntaxException s ? s.getDescription() : e.getMessage())
                                + "; use globs such as *.tmp or cache/**",
                        e);
            }
        }
        return new ExcludePatterns(List.copyOf(names), List.copyOf(paths));
    }

    /** Commas inside {a,b} belong to the glob. */
    private static List<String> splitOutsideBraces(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int depth = 0;
        for (char c : text.toCharArray()) {
            if (c == '{') {
                depth++;
            } else if (c == '}' && depth > 0) {
                depth--;
            }
            if (c == ',' && depth == 0) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    /** The regular expression of one glob. */
    static String regex(String glob) {
        StringBuilder re = new StringBuilder();
        boolean inGroup = false;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> {
                    if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                        re.append(".*");
                        i++;
                    } else {
                        re.append("[^/]*");
                    }
                }
                case '?' -> re.append("[^/]");
                case '[' -> {
                    int end = glob.indexOf(']', i + 2);
                    if (end < 0) {
                        throw new IllegalStateException("'[' at position " + (i + 1) + " is not closed");
                    }
                    String set = glob.substring(i + 1, end);
                    re.append('[')
                            .append(
                                    set.startsWith("!")
                                            ? "^" + set.substring(1).replace("\\", "\\\\")
                                            : set.replace("\\", "\\\\"))
                            .append(']');
                    i = end;
                }
                case '{' -> {
                    if (inGroup) {
                        throw new IllegalStateException("'{' groups cannot be nested");
                    }
                    inGroup = true;
                    re.append("(?:");
                }
                case '}' -> {
                    if (!inGroup) {
                        throw new IllegalStateException("'}' at position " + (i + 1) + " has no '{'");
                    }
                    inGroup = false;
                    re.append(')');
                }
                case ',' -> re.append(inGroup ? "|" : ",");
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        if (inGroup) {
            throw new IllegalStateException("'{' is not closed");
        }
        return re.toString();
    }

    /** Whether an entry of the drop list is excluded. */
    boolean excludes(DropEntry e) {
        if (byName.isEmpty() && byPath.isEmpty()) {
            return false;
        }
        for (String part : e.parts()) {
            for (Pattern m : byName) {
                if (m.matcher(part).matches()) {
                    return true;
                }
            }
        }
        for (Pattern m : byPath) {
            if (m.matcher(e.relative()).matches()) {
                return true;
            }
        }
        return false;
    }
}
