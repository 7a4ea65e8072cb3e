package dev.lakebench.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * JSON trees ({@link JsonNode}) read and written through jackson-core's parser and generator, with the trees and
 * text an {@code ObjectMapper}'s {@code readTree} and {@code writeValueAsString} give, without a mapper.
 *
 * <p>Why: making a mapper and its tree deserialiser loads some 480 classes. The workbench reads its settings,
 * history and connections at every start, and a JVM loads every class of its start-up (AOT) cache, so a mapper
 * made at start costs each launch twice: in the cache's size and in the mapper's own set-up.
 * Also why the trees are never written with {@code JsonNode.toString()}: that makes a mapper too.
 */
public final class JsonTrees {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonTrees() {}

    /** The file's JSON value; {@link MissingNode} for a file with no value in it (empty or only blanks). */
    public static JsonNode read(Path file) throws IOException {
        try (JsonParser p = FACTORY.createParser(Files.newInputStream(file))) {
            return read(p);
        }
    }

    /** The text's JSON value; {@link MissingNode} for text with no value in it. */
    public static JsonNode read(String text) throws IOException {
        try (JsonParser p = FACTORY.createParser(text)) {
            return read(p);
        }
    }

    /**
     * The parser's next value, as a mapper reads it: integers as the smallest of int, long and big integer
     * nodes, other numbers as doubles, a repeated key's last value kept; what follows the value is not read.
     */
    private static JsonNode read(JsonParser p) throws IOException {
        // iterative, so deep nesting cannot overflow the stack; the parser bounds the depth itself
        Deque<JsonNode> open = new ArrayDeque<>();
        String field = null;
        for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
            JsonNode value;
            switch (t) {
                case FIELD_NAME -> {
                    field = p.currentName();
                    continue;
                }
                case END_OBJECT, END_ARRAY -> {
                    JsonNode done = open.pop();
                    if (open.isEmpty()) {
                        return done;
                    }
                    continue;
                }
                case START_OBJECT -> value = NODES.objectNode();
                case START_ARRAY -> value = NODES.arrayNode();
                case VALUE_STRING -> value = NODES.textNode(p.getText());
                case VALUE_NUMBER_INT ->
                    value = switch (p.getNumberType()) {
                        case INT -> NODES.numberNode(p.getIntValue());
                        case LONG -> NODES.numberNode(p.getLongValue());
                        default -> NODES.numberNode(p.getBigIntegerValue());
                    };
                case VALUE_NUMBER_FLOAT -> value = NODES.numberNode(p.getDoubleValue());
                case VALUE_TRUE -> value = NODES.booleanNode(true);
                case VALUE_FALSE -> value = NODES.booleanNode(false);
                case VALUE_NULL -> value = NODES.nullNode();
                default -> throw new IOException("Unexpected JSON token " + t); // not made by a text parser
            }
            JsonNode parent = open.peek();
            if (parent instanceof ObjectNode o) {
                o.set(field, value);
            } else if (parent != null) {
                ((ArrayNode) parent).add(value);
            } else if (!value.isContainerNode()) {
                return value; // a scalar document
            }
            if (value.isContainerNode()) {
                open.push(value);
            }
        }
        if (!open.isEmpty()) {
            throw new IOException("Unexpected end of JSON input"); // the parser reports it first
        }
        return MissingNode.getInstance(); // no value at all: empty or only blanks
    }

    /** A generator on {@code out} that leaves it open when closed. */
    public static JsonGenerator generator(Writer out) throws IOException {
        return FACTORY.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    /** The tree as compact JSON text, as {@code ObjectMapper.writeValueAsString} writes it. */
    public static String toJson(JsonNode node) {
        return text(node, false);
    }

    /** The tree as indented JSON text, as {@code JsonNode.toPrettyString} writes it. */
    public static String toPrettyJson(JsonNode node) {
        return text(node, true);
    }

    private static String text(JsonNode node, boolean pretty) {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = generator(text)) {
            if (pretty) {
                g.useDefaultPrettyPrinter();
            }
            write(g, node);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return text.toString();
    }

    /** Writes the tree through the generator, each value with the generator call a mapper would make. */
    public static void write(JsonGenerator g, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                g.writeStartObject();
                for (Map.Entry<String, JsonNode> e : node.properties()) {
                    g.writeFieldName(e.getKey());
                    write(g, e.getValue());
                }
                g.writeEndObject();
            }
            case ARRAY -> {
                g.writeStartArray();
                for (JsonNode e : node) {
                    write(g, e);
                }
                g.writeEndArray();
            }
            case STRING -> g.writeString(node.textValue());
            case NUMBER -> {
                switch (node.numberType()) {
                    case INT -> g.writeNumber(node.intValue());
                    case LONG -> g.writeNumber(node.longValue());
                    case BIG_INTEGER -> g.writeNumber(node.bigIntegerValue());
                    case FLOAT -> g.writeNumber(node.floatValue());
                    case DOUBLE -> g.writeNumber(node.doubleValue());
                    case BIG_DECIMAL -> g.writeNumber(node.decimalValue());
                }
            }
            case BOOLEAN -> g.writeBoolean(node.booleanValue());
            case BINARY -> g.writeBinary(node.binaryValue());
            case NULL, MISSING -> g.writeNull();
            case POJO -> g.writeString(node.asText());
        }
    }
}
