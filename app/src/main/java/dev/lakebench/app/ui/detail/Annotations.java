package dev.lakebench.app.ui.detail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lakebench.core.client.Row;
import dev.lakebench.core.json.JsonTrees;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a COCO row says about its picture, read from the columns the COCO formats store: {@code annotations}
 * (detection: {@code bbox} as x, y, width, height in picture pixels, {@code category_id}) or {@code segments_info}
 * (panoptic: the same, plus the segment {@code id} the mask's pixels carry), {@code categories} (the names of
 * the categories used), {@code captions} (a JSON list of strings) and {@code mask} (the label mask PNG).
 * A row without these columns has no annotations; a malformed column is skipped, never fatal.
 */
record Annotations(
        List<PictureView.Box> boxes, List<String> captions, byte[] mask, Map<Integer, Integer> segmentCategories) {

    static final Annotations NONE = new Annotations(List.of(), List.of(), null, Map.of());

    boolean isEmpty() {
        return boxes.isEmpty() && captions.isEmpty() && mask == null;
    }

    static Annotations of(Row row) {
        Map<Integer, String> names = new HashMap<>();
        for (JsonNode c : json(row, "categories")) {
            if (c.has("id")) {
                names.put(
                        c.path("id").asInt(),
                        c.path("name").asText("#" + c.path("id").asInt()));
            }
        }
        List<PictureView.Box> boxes = new ArrayList<>();
        Map<Integer, Integer> segments = new HashMap<>();
        boolean any = false;
        for (String column : List.of("annotations", "segments_info")) {
            for (JsonNode a : json(row, column)) {
                any = true;
                JsonNode b = a.path("bbox");
                int category = a.path("category_id").asInt(0);
                if (column.equals("segments_info") && a.has("id")) {
                    segments.put(a.path("id").asInt(), category);
                }
                if (b.isArray() && b.size() == 4) {
                    String name = names.getOrDefault(category, "#" + category);
                    boxes.add(new PictureView.Box(
                            b.get(0).asDouble(),
                            b.get(1).asDouble(),
                            b.get(2).asDouble(),
                            b.get(3).asDouble(),
                            category,
                            a.path("iscrowd").asInt(0) == 1 ? name + " (crowd)" : name));
                }
            }
        }
        List<String> captions = new ArrayList<>();
        for (JsonNode c : json(row, "captions")) {
            if (c.isTextual() && !c.asText().isBlank()) {
                captions.add(c.asText().strip());
            }
        }
        byte[] mask = row.get("mask") instanceof byte[] m && (any || !names.isEmpty()) ? m : null;
        Annotations out = new Annotations(List.copyOf(boxes), List.copyOf(captions), mask, Map.copyOf(segments));
        return out.isEmpty() ? NONE : out;
    }

    private static Iterable<JsonNode> json(Row row, String column) {
        if (!row.columns().contains(column) || !(row.get(column) instanceof String s) || s.isBlank()) {
            return List.of();
        }
        try {
            JsonNode n = JsonTrees.read(s);
            return n.isArray() ? n : List.of();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
