package dev.lakebench.core.ingest.files;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** The normaliser of each file kind. */
final class Normalisers {

    private final Map<FileKind, FileNormaliser> byKind = new EnumMap<>(FileKind.class);

    Normalisers() {
        byKind.put(FileKind.TEXT, new TextNormaliser());
        byKind.put(FileKind.OTHER, new BinaryNormaliser());
        byKind.put(FileKind.IMAGE, new ImageNormaliser());
        byKind.put(FileKind.PDF, new PdfNormaliser());
        byKind.put(FileKind.VIDEO, new VideoNormaliser());
    }

    FileNormaliser of(FileKind kind) {
        FileNormaliser n = byKind.get(kind);
        if (n == null) {
            throw new FileFailure(kind.name().toLowerCase(Locale.ROOT) + " files are not supported in this build");
        }
        return n;
    }
}
