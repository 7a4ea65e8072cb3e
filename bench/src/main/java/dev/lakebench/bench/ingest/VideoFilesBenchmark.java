package dev.lakebench.bench.ingest;

import dev.lakebench.bench.BenchContext;
import dev.lakebench.bench.Benchmark;
import dev.lakebench.bench.support.Fmt;
import dev.lakebench.bench.support.Measurement;
import dev.lakebench.bench.support.Series;
import dev.lakebench.core.client.IngestOptions;
import dev.lakebench.natives.media.VideoSegmenter;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * Seconds of video ingested per wall second (10-second segments by stream copy, a first-frame thumbnail and
 * four thumbnails per segment, the MP4 bytes written), next to FFmpeg doing the remux alone (libavformat
 * stream copy into 10-second segment files, nothing else).
 */
public final class VideoFilesBenchmark implements Benchmark {

    static final String NAME = "ingest-video-files";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "video seconds ingested per wall second vs FFmpeg stream-copy remux into segments alone";
    }

    @Override
    public void run(BenchContext ctx) throws Exception {
        int seconds = ctx.quick() ? 120 : 600;
        int reps = ctx.repetitions(3);
        Path input = Files.createDirectories(ctx.scratch(NAME).resolve("in"));
        Path video = make(input.resolve("clip.mp4"), seconds);
        long[] rows = new long[1];
        Path warm = make(Files.createDirectories(ctx.scratch(NAME + "/warm-in")).resolve("warm.mp4"), 12);
        FileIngestRuns.ingest(ctx.scratch(NAME + "/warmup"), warm, IngestOptions.defaults());
        ffmpegSegment(warm, Files.createDirectories(ctx.scratch(NAME + "/warm-ffmpeg")));
        Series lb = FileIngestRuns.timed(ctx.scratch(NAME + "/lb"), input, IngestOptions.defaults(), reps, rows);
        Series ref = new Series();
        for (int r = 0; r < reps; r++) {
            Path out = Files.createDirectories(ctx.scratch(NAME + "/ffmpeg" + r));
            ref.add(Measurement.of(() -> ffmpegSegment(video, out)));
            FileIngestRuns.delete(out);
        }
        double lbRate = lb.medianOf(m -> seconds / m.seconds());
        double refRate = ref.medianOf(m -> seconds / m.seconds());
        ctx.record(
                NAME,
                "video s per wall s, one " + seconds + " s 1280x720 H.264+AAC clip, " + rows[0]
                        + " segments (median of " + reps + ")",
                Fmt.decimal(lbRate, 0) + "x real time",
                Fmt.decimal(refRate, 0)
                        + "x real time (FFmpeg remux alone: libavformat stream copy into 10 s segments)",
                "incl. per segment a decoded first frame, its JPEG and 4 thumbnails; runs " + lb.allSeconds() + " vs "
                        + ref.allSeconds() + "; other cores " + lb.allOtherCores());
    }

    /**
     * FFmpeg's remux alone through libavformat: stream copy into 10-second MP4 segments (the native layer's
     * segmenter with nothing else: no frame decoding, no thumbnails, no table). The bundled ffmpeg program
     * cannot be the reference on machines without PulseAudio (its libavdevice links libpulse).
     */
    static void ffmpegSegment(Path video, Path out) throws Exception {
        VideoSegmenter.split(video, 10.0, out, () -> false, seg -> Files.delete(seg.file()));
    }

    /** A 1280x720 25 fps H.264 (OpenH264) clip with a keyframe every 2 s and a mono AAC track. */
    static Path make(Path file, int seconds) throws Exception {
        int w = 1280;
        int h = 720;
        int fps = 25;
        try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(file.toFile(), w, h, 1);
                Java2DFrameConverter conv = new Java2DFrameConverter()) {
            rec.setFormat("mp4");
            rec.setVideoCodecName("libopenh264");
            rec.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            rec.setFrameRate(fps);
            rec.setGopSize(2 * fps);
            rec.setVideoBitrate(2_000_000);
            rec.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
            rec.setSampleRate(16000);
            rec.setAudioChannels(1);
            rec.start();
            BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
            short[] samples = new short[16000 / fps];
            for (int i = 0; i < seconds * fps; i++) {
                Graphics2D g = img.createGraphics();
                g.setColor(new Color((i * 3) & 0xff, 90, 160));
                g.fillRect(0, 0, w, h);
                g.setColor(Color.WHITE);
                g.fillRect((i * 8) % w, h / 3, 120, 120);
                g.drawString("frame " + i, 40, 60);
                g.dispose();
                rec.record(conv.convert(img), avutil.AV_PIX_FMT_BGR24);
                rec.recordSamples(16000, 1, ShortBuffer.wrap(samples));
            }
            rec.stop();
        }
        return file;
    }
}
