package dev.lakebench.app.ui.common;

import java.util.Optional;

/** Tells image bytes apart by their leading magic numbers, so any byte column can show pictures. */
public final class ImageSniffer {

    /** Image formats the workbench can draw. */
    public enum Kind {
        PNG("PNG"),
        JPEG("JPEG"),
        GIF("GIF"),
        WEBP("WebP"),
        BMP("BMP");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private ImageSniffer() {}

    public static Optional<Kind> kind(byte[] b) {
        if (b == null || b.length < 12) {
            return Optional.empty();
        }
        if (u(b, 0) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && u(b, 4) == 0x0D && u(b, 5) == 0x0A) {
            return Optional.of(Kind.PNG);
        }
        if (u(b, 0) == 0xFF && u(b, 1) == 0xD8 && u(b, 2) == 0xFF) {
            return Optional.of(Kind.JPEG);
        }
        if (b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8' && (b[4] == '7' || b[4] == '9') && b[5] == 'a') {
            return Optional.of(Kind.GIF);
        }
        if (b[0] == 'R'
                && b[1] == 'I'
                && b[2] == 'F'
                && b[3] == 'F'
                && b[8] == 'W'
                && b[9] == 'E'
                && b[10] == 'B'
                && b[11] == 'P') {
            return Optional.of(Kind.WEBP);
        }
        if (b[0] == 'B' && b[1] == 'M' && b.length > 26) {
            return Optional.of(Kind.BMP);
        }
        return Optional.empty();
    }

    /** MP4/MOV ({@code ftyp} box), WebM/MKV (EBML) or AVI bytes: something the video player may open. */
    public static boolean isVideo(byte[] b) {
        if (b == null || b.length < 12) {
            return false;
        }
        boolean mp4 = b[4] == 'f' && b[5] == 't' && b[6] == 'y' && b[7] == 'p';
        boolean ebml = u(b, 0) == 0x1A && u(b, 1) == 0x45 && u(b, 2) == 0xDF && u(b, 3) == 0xA3;
        boolean avi =
                b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'A' && b[9] == 'V' && b[10] == 'I';
        return mp4 || ebml || avi;
    }

    public static boolean isImage(Object value) {
        return value instanceof byte[] b && kind(b).isPresent();
    }

    private static int u(byte[] b, int i) {
        return b[i] & 0xFF;
    }
}
