package dev.lakebench.app.ui.detail;

import java.io.ByteArrayOutputStream;

/**
 * A sound output for tests: it "plays" at {@code speed} times real time (frames are heard as the clock runs,
 * never more than were written), keeps a small buffer like a sound card, and records every byte written.
 */
final class FakeSpeakers implements Speakers {

    final double speed;
    volatile Output last;

    FakeSpeakers(double speed) {
        this.speed = speed;
    }

    @Override
    public Speaker open(int rate, int channels) {
        last = new Output(rate, channels * 2, speed);
        return last;
    }

    static final class Output implements Speakers.Speaker {
        final int rate;
        final int frameBytes;
        private final double speed;
        private final long bufferFrames;
        private final ByteArrayOutputStream heard = new ByteArrayOutputStream();
        private long written;
        private long playedAtStop;
        private long startedAt = -1;
        private long generation;
        private boolean closed;

        Output(int rate, int frameBytes, double speed) {
            this.rate = rate;
            this.frameBytes = frameBytes;
            this.speed = speed;
            this.bufferFrames = rate / 5;
        }

        synchronized byte[] heard() {
            return heard.toByteArray();
        }

        synchronized boolean closed() {
            return closed;
        }

        @Override
        public synchronized int write(byte[] pcm, int offset, int length) {
            long gen = generation;
            int frames = length / frameBytes;
            try {
                while (framesFree() <= 0) {
                    if (startedAt < 0 || closed) {
                        return 0;
                    }
                    wait(5);
                    if (gen != generation) {
                        return 0;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 0;
            }
            int take = (int) Math.min(frames, framesFree());
            heard.write(pcm, offset, take * frameBytes);
            written += take;
            return take * frameBytes;
        }

        private long framesFree() {
            return bufferFrames - (written - framesPlayed());
        }

        @Override
        public synchronized long framesPlayed() {
            long running = startedAt < 0 ? 0 : (long) ((System.nanoTime() - startedAt) / 1e9 * rate * speed);
            return Math.min(written, playedAtStop + running);
        }

        @Override
        public synchronized void start() {
            if (startedAt < 0) {
                startedAt = System.nanoTime();
            }
            notifyAll();
        }

        @Override
        public synchronized void stop() {
            playedAtStop = framesPlayed();
            startedAt = -1;
            generation++;
            notifyAll();
        }

        @Override
        public synchronized void flush() {
            written = 0;
            playedAtStop = 0;
            if (startedAt >= 0) {
                startedAt = System.nanoTime();
            }
            generation++;
            notifyAll();
        }

        @Override
        public synchronized void close() {
            closed = true;
            generation++;
            notifyAll();
        }
    }
}
