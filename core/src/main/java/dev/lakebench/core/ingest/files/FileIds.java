package dev.lakebench.core.ingest.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;
import java.util.function.LongConsumer;

/**
 * Ids of file rows. A file's id is a UUID made from the SHA-256 of its bytes (version 8, the "custom" layout
 * of RFC 9562), so the same content always gets the same id wherever it lives; a row's id is a version 7 UUID
 * (millisecond time, then random bits), unique and roughly in insertion order.
 */
public final class FileIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private FileIds() {}

    /** The content id of a file; {@code bytesRead} is told how many bytes were hashed as it goes. */
    public static String contentId(Path file, LongConsumer bytesRead) throws IOException {
        MessageDigest sha = sha256();
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                sha.update(buf, 0, n);
                bytesRead.accept(n);
            }
        }
        return fromHash(sha.digest());
    }

    /** The content id of bytes already in memory. */
    public static String contentId(byte[] content) {
        return fromHash(sha256().digest(content));
    }

    private static String fromHash(byte[] h) {
        h[6] = (byte) ((h[6] & 0x0f) | 0x80); // version 8
        h[8] = (byte) ((h[8] & 0x3f) | 0x80); // RFC 9562 variant
        return uuid(h).toString();
    }

    /** A new row id: 48 bits of Unix milliseconds, version 7, then random bits. */
    public static String rowId() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        long ms = System.currentTimeMillis();
        for (int i = 0; i < 6; i++) {
            b[i] = (byte) (ms >>> (40 - 8 * i));
        }
        b[6] = (byte) ((b[6] & 0x0f) | 0x70);
        b[8] = (byte) ((b[8] & 0x3f) | 0x80);
        return uuid(b).toString();
    }

    private static UUID uuid(byte[] b) {
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 8; i++) {
            hi = (hi << 8) | (b[i] & 0xff);
            lo = (lo << 8) | (b[8 + i] & 0xff);
        }
        return new UUID(hi, lo);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
