package dev.lakebench.natives.media;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_FATAL;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import org.bytedeco.javacpp.BytePointer;

/** Shared FFmpeg set-up: the native libraries load once, FFmpeg's own console log stays quiet (we report errors). */
final class Ffmpeg {

    private static volatile boolean ready;

    private Ffmpeg() {}

    static void init() {
        if (!ready) {
            synchronized (Ffmpeg.class) {
                if (!ready) {
                    org.bytedeco.javacpp.Loader.load(org.bytedeco.ffmpeg.global.avformat.class);
                    av_log_set_level(AV_LOG_FATAL);
                    ready = true;
                }
            }
        }
    }

    /** FFmpeg's text for an error code. */
    static String error(int code) {
        byte[] bytes = new byte[256];
        try (BytePointer buf = new BytePointer(bytes.length)) {
            av_strerror(code, buf, bytes.length);
            buf.get(bytes);
        }
        return untilNul(bytes);
    }

    /** The C string at the start of {@code bytes}: what lies past its NUL is other memory, never text. */
    static String untilNul(byte[] bytes) {
        int n = 0;
        while (n < bytes.length && bytes[n] != 0) {
            n++;
        }
        return new String(bytes, 0, n, java.nio.charset.StandardCharsets.UTF_8).strip();
    }
}
