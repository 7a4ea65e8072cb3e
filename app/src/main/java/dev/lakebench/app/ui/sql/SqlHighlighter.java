package dev.lakebench.app.ui.sql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * Computes the editor's colouring (keywords, strings, numbers, comments, operators, the search operators
 * {@code <#>} and {@code @>}, parameters, functions) and the highest {@code $N} in the text. Pure and thread
 * safe: the editor runs it on a background thread after typing pauses and applies only the newest result.
 */
public final class SqlHighlighter {

    /** A run of text and its style class (null: plain). */
    public record Span(String style, int length) {}

    /** The spans covering the whole text, and the highest parameter number used. */
    public record Highlight(String text, List<Span> spans, int maxParameter) {

        /** The spans as RichTextFX style spans. */
        public StyleSpans<Collection<String>> styleSpans() {
            StyleSpansBuilder<Collection<String>> b = new StyleSpansBuilder<>();
            for (Span s : spans) {
                b.add(s.style() == null ? List.of() : List.of(s.style()), s.length());
            }
            if (spans.isEmpty()) {
                b.add(List.of(), 0);
            }
            return b.create();
        }
    }

    private SqlHighlighter() {}

    public static Highlight compute(String text) {
        List<Span> spans = new ArrayList<>();
        int maxParam = 0;
        String pending = null;
        int pendingLen = 0;
        for (SqlTokens.Tok t : SqlTokens.scan(text)) {
            String style = switch (t.kind()) {
                case KEYWORD -> "keyword";
                case STRING -> "string";
                case NUMBER -> "number";
                case COMMENT -> "comment";
                case OPERATOR -> "operator";
                case SEARCH_OPERATOR -> "search-operator";
                case PARAMETER -> "parameter";
                case FUNCTION -> "function";
                default -> null;
            };
            if (t.kind() == SqlTokens.Kind.PARAMETER) {
                try {
                    maxParam = Math.max(maxParam, Integer.parseInt(t.text(text).substring(1)));
                } catch (NumberFormatException e) {
                    // $99999999999: not a usable parameter number, leave it to the engine to reject
                }
            }
            int len = t.end() - t.start();
            if (pendingLen > 0 && Objects.equals(style, pending)) {
                pendingLen += len;
            } else {
                if (pendingLen > 0) {
                    spans.add(new Span(pending, pendingLen));
                }
                pending = style;
                pendingLen = len;
            }
        }
        if (pendingLen > 0) {
            spans.add(new Span(pending, pendingLen));
        }
        return new Highlight(text, spans, maxParam);
    }
}
