package dev.lakebench.core.ingest.files;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.ShortBuffer;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * Videos made for tests with JavaCV: every frame is one flat colour whose red level tells the second it shows
 * (8 levels per second), so a thumbnail shows which moment a segment starts at.
 */
final class VideoFixtures {

    private VideoFixtures() {}

    /** The red level of the frames shown at second {@code t}. */
    static int redAt(double t) {
        return Math.min(255, (int) Math.floor(t) * 8);
    }

    static Path make(Path file, String codec, int seconds, int fps, int gop, boolean audio) throws Exception {
        int w = 64;
        int h = 48;
        try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(file.toFile(), w, h, audio ? 1 : 0);
                Java2DFrameConverter conv = new Java2DFrameConverter()) {
            rec.setFormat(file.toString().endsWith(".mkv") ? "matroska" : "mp4");
            switch (codec) {
                case "h264" -> rec.setVideoCodecName("libopenh264");
                case "mpeg4" -> rec.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
                case "av1" -> {
                    rec.setVideoCodecName("libaom-av1");
                    rec.setVideoOption("cpu-used", "8");
                    rec.setVideoOption("usage", "realtime");
                }
                default -> throw new IllegalArgumentException(codec);
            }
            rec.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            rec.setFrameRate(fps);
            rec.setGopSize(gop);
            rec.setVideoOption("sc_threshold", "1000000000"); // keyframes only every gop frames, not at colour changes
            rec.setVideoBitrate(200_000);
            if (audio) {
                rec.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
                rec.setSampleRate(16000);
                rec.setAudioChannels(1);
            }
            rec.start();
            BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
            int samplesPerFrame = 16000 / fps;
            for (int i = 0; i < seconds * fps; i++) {
                Graphics2D g = img.createGraphics();
                g.setColor(new Color(redAt(i / (double) fps), 40, 200));
                g.fillRect(0, 0, w, h);
                g.dispose();
                Frame f = conv.convert(img);
                rec.record(f, avutil.AV_PIX_FMT_BGR24);
                if (audio) {
                    short[] s = new short[samplesPerFrame];
                    for (int k = 0; k < s.length; k++) {
                        s[k] = (short) (8000 * Math.sin(2 * Math.PI * 440 * (i * samplesPerFrame + k) / 16000.0));
                    }
                    rec.recordSamples(16000, 1, ShortBuffer.wrap(s));
                }
            }
            rec.stop();
        }
        return file;
    }
}
