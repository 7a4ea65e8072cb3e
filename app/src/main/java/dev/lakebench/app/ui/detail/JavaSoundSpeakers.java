package dev.lakebench.app.ui.detail;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;

/**
 * The machine's sound output through Java Sound. A machine without an audio device (a server, a CI runner, a
 * virtual display) has no line for the format; that is reported as {@link Speakers.NoSound}, not as an error.
 */
final class JavaSoundSpeakers implements Speakers {

    /** About a fifth of a second of buffer: short enough that pause and seek are heard at once. */
    private static final double BUFFER_SECONDS = 0.2;

    @Override
    public Speaker open(int rate, int channels) throws NoSound {
        AudioFormat format = new AudioFormat(rate, 16, channels, true, false);
        SourceDataLine line;
        try {
            line = AudioSystem.getSourceDataLine(format);
            line.open(format, Math.max(4096, (int) (rate * channels * 2 * BUFFER_SECONDS)));
        } catch (IllegalArgumentException e) {
            throw new NoSound("no audio device", e);
        } catch (LineUnavailableException | SecurityException e) {
            throw new NoSound("the audio device is not available (" + e.getMessage() + ")", e);
        }
        return new LineSpeaker(line);
    }

    private static final class LineSpeaker implements Speaker {
        private final SourceDataLine line;
        private volatile long origin;

        LineSpeaker(SourceDataLine line) {
            this.line = line;
        }

        @Override
        public int write(byte[] pcm, int offset, int length) {
            return line.write(pcm, offset, length);
        }

        @Override
        public long framesPlayed() {
            return Math.max(0, line.getLongFramePosition() - origin);
        }

        @Override
        public void start() {
            line.start();
        }

        @Override
        public void stop() {
            line.stop();
        }

        @Override
        public void flush() {
            line.flush();
            origin = line.getLongFramePosition();
        }

        @Override
        public void close() {
            line.close();
        }
    }
}
