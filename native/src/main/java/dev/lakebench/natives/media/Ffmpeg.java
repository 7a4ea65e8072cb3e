package dev.lakebench.natives.media;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_FATAL;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import org.bytedeco.javacpp.BytePointer;

/** Shared FFmpeg set-up: the native libraries load once, FFmpeg's own console log stays quiet (we report errors). */
final class Ffmpeg {

    private static volatile boolean ready;

    private Ffmpeg() {
    }

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
        try (BytePointer buf = new BytePointer(256)) {
            av_strerror(code, buf, 256);
            return buf.getString().strip();
        }
    }
}
