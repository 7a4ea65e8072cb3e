package dev.lakebench.app.ui.detail;

/** Where a clip's sound goes: an output opened per clip for 16-bit little-endian PCM. */
interface Speakers {

    /** Why a clip plays without sound (no audio device, the format refused). */
    final class NoSound extends Exception {
        NoSound(String why, Throwable cause) {
            super(why, cause);
        }
    }

    /** An output that plays {@code rate} frames a second of {@code channels} interleaved 16-bit samples. */
    Speaker open(int rate, int channels) throws NoSound;

    /** An open output. Writes block while its buffer is full; {@link #stop} and {@link #flush} release them. */
    interface Speaker extends AutoCloseable {

        /** Writes PCM; returns the bytes taken, fewer when stopped or flushed meanwhile. */
        int write(byte[] pcm, int offset, int length);

        /** Frames heard since the last {@link #flush} (or since opening). */
        long framesPlayed();

        void start();

        void stop();

        /** Drops what is buffered and restarts the frame count at 0. */
        void flush();

        @Override
        void close();
    }
}
