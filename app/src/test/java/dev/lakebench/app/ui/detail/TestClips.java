package dev.lakebench.app.ui.detail;

import java.nio.ByteBuffer;
import java.nio.ShortBuffer;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

/**
 * Makes short test videos with the bundled FFmpeg's recorder: a moving bar over a gradient at 15 frames/s and,
 * optionally, a sine tone (the same signal as FFmpeg's lavfi {@code sine} source, which this FFmpeg build cannot
 * load without libavdevice's system dependencies), AAC in MP4.
 */
final class TestClips {

    private static final int W = 160;
    private static final int H = 120;
    private static final int FPS = 15;
    private static final int RATE = 44100;

    private TestClips() {}

    /** A {@code seconds}-long 160×120 MP4 with a mono {@code hz} sine at 44.1 kHz. */
    static Path withSine(Path file, double seconds, int hz) throws Exception {
        return record(file, seconds, hz);
    }

    /** The same pictures without a sound track. */
    static Path silent(Path file, double seconds) throws Exception {
        return record(file, seconds, 0);
    }

    private static Path record(Path file, double seconds, int hz) throws Exception {
        try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(file.toFile(), W, H, hz > 0 ? 1 : 0)) {
            rec.setFormat("mp4");
            rec.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            rec.setFrameRate(FPS);
            if (hz > 0) {
                rec.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
                rec.setSampleRate(RATE);
            }
            rec.start();
            int frames = (int) Math.round(seconds * FPS);
            int perFrame = RATE / FPS;
            long sample = 0;
            for (int i = 0; i < frames; i++) {
                Frame f = new Frame(W, H, Frame.DEPTH_UBYTE, 3);
                ByteBuffer px = (ByteBuffer) f.image[0];
                int bar = (i * 4) % W;
                for (int y = 0; y < H; y++) {
                    for (int x = 0; x < W; x++) {
                        int at = y * f.imageStride + x * 3;
                        boolean onBar = Math.abs(x - bar) < 4;
                        px.put(at, (byte) (onBar ? 255 : x));
                        px.put(at + 1, (byte) (onBar ? 255 : y * 2));
                        px.put(at + 2, (byte) (onBar ? 255 : 128));
                    }
                }
                rec.record(f);
                if (hz > 0) {
                    short[] tone = new short[perFrame];
                    for (int k = 0; k < perFrame; k++, sample++) {
                        tone[k] = (short) Math.round(12_000 * Math.sin(2 * Math.PI * hz * sample / RATE));
                    }
                    rec.recordSamples(RATE, 1, ShortBuffer.wrap(tone));
                }
            }
            rec.stop();
        }
        return file;
    }
}
