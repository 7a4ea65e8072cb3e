package dev.lakebench.natives.media;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;

/**
 * Decodes the sound track of a media file with the bundled FFmpeg as signed 16-bit little-endian PCM, mono or
 * stereo (more channels are mixed down to two), ready for a sound card. Not thread-safe: one thread drives a
 * decoder.
 */
public final class AudioDecoder implements AutoCloseable {

    /** Decoded sound: its time in seconds from the start of the file and its interleaved 16-bit samples. */
    public record Samples(double seconds, byte[] pcm) {}

    private final FFmpegFrameGrabber grabber;
    private final String name;
    private final double origin;

    private AudioDecoder(FFmpegFrameGrabber grabber, String name) {
        this.grabber = grabber;
        this.name = name;
        this.origin = Grabbers.origin(grabber);
    }

    /**
     * Opens the sound track of a file; null when the file has none. A MediaException names the file and why it
     * cannot be read.
     */
    public static AudioDecoder open(Path file) {
        FFmpegFrameGrabber g = Grabbers.start(file, "", s -> s.setSampleFormat(avutil.AV_SAMPLE_FMT_S16));
        if (!g.hasAudio() || g.getAudioChannels() <= 0 || g.getSampleRate() <= 0) {
            Grabbers.release(g);
            return null;
        }
        if (g.getAudioChannels() > 2) {
            g.setAudioChannels(2);
        }
        return new AudioDecoder(g, file.getFileName().toString());
    }

    /** Samples per second (per channel). */
    public int sampleRate() {
        return grabber.getSampleRate();
    }

    /** 1 or 2. */
    public int channels() {
        return grabber.getAudioChannels();
    }

    /** The next decoded samples, or null at the end of the file. */
    public Samples next() {
        try {
            while (true) {
                Frame f = grabber.grabSamples();
                if (f == null) {
                    return null;
                }
                if (f.samples != null
                        && f.samples.length > 0
                        && f.samples[0] instanceof ShortBuffer s
                        && s.remaining() > 0) {
                    ByteBuffer out = ByteBuffer.allocate(s.remaining() * 2).order(ByteOrder.LITTLE_ENDIAN);
                    out.asShortBuffer().put(s.duplicate());
                    return new Samples(Math.max(0, f.timestamp / 1_000_000.0 - origin), out.array());
                }
            }
        } catch (Exception e) {
            throw new MediaException("Cannot decode the sound of " + name + ": " + e.getMessage(), e);
        }
    }

    /** Moves to the sound at {@code seconds} from the start; the next {@link #next} returns it. */
    public void seek(double seconds) {
        try {
            grabber.setAudioTimestamp(Math.round((Math.max(0, seconds) + origin) * 1_000_000));
        } catch (Exception e) {
            throw new MediaException("Cannot move to " + seconds + " s in " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        Grabbers.release(grabber);
    }
}
