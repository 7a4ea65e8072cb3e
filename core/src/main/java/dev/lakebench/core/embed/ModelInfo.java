package dev.lakebench.core.embed;

import java.nio.file.Path;

/**
 * A model users can name: built in, pulled into the data directory, or a remote endpoint. {@code kinds} says
 * what it embeds ("text", "text+image"); {@code location} is the folder or URL (null for built-in ones);
 * {@code sizeBytes} the files on disk (0 when unknown).
 */
public record ModelInfo(String name, String source, String kinds, Path location, long sizeBytes) {}
