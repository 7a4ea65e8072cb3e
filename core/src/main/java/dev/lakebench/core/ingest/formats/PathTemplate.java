package dev.lakebench.core.ingest.formats;

import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.IngestError;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Python-style path templates of LeRobot's {@code meta/info.json}, e.g.
 * {@code data/chunk-{episode_chunk:03d}/episode_{episode_index:06d}.parquet}: {@code {name}} and zero-padded
 * integers {@code {name:0Nd}}.
 */
final class PathTemplate {

    private static final Pattern FIELD = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)(?::(0?)(\\d+)d)?}");

    private final String template;

    PathTemplate(String template) {
        this.template = template;
    }

    String format(Map<String, Object> values) {
        Matcher m = FIELD.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object v = values.get(m.group(1));
            if (v == null) {
                throw new IngestError(
                        ErrorCode.INGEST_BAD_DATA,
                        "The path template \"" + template + "\" uses {" + m.group(1)
                                + "}, which LeRobot datasets do not define",
                        "Use episode_chunk, episode_index or video_key");
            }
            String s;
            if (m.group(3) != null) {
                int width = Integer.parseInt(m.group(3));
                s = String.format(
                        Locale.ROOT, "%" + (m.group(2).isEmpty() ? "" : "0") + width + "d", ((Number) v).longValue());
            } else {
                s = v.toString();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(s));
        }
        m.appendTail(out);
        return out.toString();
    }

    @Override
    public String toString() {
        return template;
    }
}
