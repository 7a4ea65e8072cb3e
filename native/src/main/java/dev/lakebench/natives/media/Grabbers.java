package dev.lakebench.natives.media;

import java.nio.file.Path;
import java.util.function.Consumer;
import org.bytedeco.javacv.FFmpegFrameGrabber;

/** Opening and releasing FFmpeg grabbers the same way for every decoder of this package. */
final class Grabbers {

    private Grabbers() {}

    /**
     * A started grabber on {@code file}, set up by {@code setup} before it starts; a MediaException saying "Cannot
     * open {@code what} FILE: why" when FFmpeg cannot read it (the half-open grabber is released).
     */
    static FFmpegFrameGrabber start(Path file, String what, Consumer<FFmpegFrameGrabber> setup) {
        Ffmpeg.init();
        FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toFile());
        setup.accept(g);
        try {
            g.start();
        } catch (Exception e) {
            release(g);
            throw new MediaException("Cannot open " + what + file.getFileName() + ": " + e.getMessage(), e);
        }
        return g;
    }

    /** The file's start time in seconds: timestamps are reported from it, so decoders subtract it. */
    static double origin(FFmpegFrameGrabber g) {
        long start = g.getFormatContext() == null ? 0 : g.getFormatContext().start_time();
        return start > 0 ? start / 1_000_000.0 : 0;
    }

    /** Releases the grabber's native memory; a failure to do so has nothing left to report. */
    static void release(FFmpegFrameGrabber g) {
        try {
            g.close();
        } catch (Exception ignored) {
            // nothing more to release
        }
    }
}
