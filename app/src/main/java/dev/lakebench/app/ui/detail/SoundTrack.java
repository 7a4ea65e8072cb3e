package dev.lakebench.app.ui.detail;

import dev.lakebench.natives.media.AudioDecoder;
import java.util.concurrent.Executor;

/**
 * A clip's sound, fed from its decoder into a speaker by one background loop, and the clock pictures follow
 * while it plays: the time of the sample being heard (the first sample's time plus the frames the speaker has
 * played). Play, pause, seek and mute only set state under a lock and wake the loop; the speaker's own buffer
 * paces the loop. Muted, the loop writes silence so that the clock keeps running.
 */
final class SoundTrack implements AutoCloseable {

    private final Object lock = new Object();
    private final AudioDecoder decoder;
    private final Speakers.Speaker speaker;
    private final int rate;
    private final int frameBytes;
    private boolean running;
    private boolean closed;
    private boolean muted;
    private boolean ended;
    private double restartAt = 0;
    private double base = Double.NaN;
    private long framesWritten;

    SoundTrack(AudioDecoder decoder, Speakers.Speaker speaker, Executor background) {
        this.decoder = decoder;
        this.speaker = speaker;
        this.rate = decoder.sampleRate();
        this.frameBytes = decoder.channels() * 2;
        background.execute(this::loop);
    }

    /** Plays on from where it stood (or from the last seek). */
    void play() {
        synchronized (lock) {
            running = true;
            lock.notifyAll();
        }
        speaker.start();
    }

    void pause() {
        synchronized (lock) {
            running = false;
            lock.notifyAll();
        }
        speaker.stop();
    }

    /** The next play starts at {@code seconds}. */
    void seek(double seconds) {
        synchronized (lock) {
            restartAt = seconds;
            ended = false;
            lock.notifyAll();
        }
        speaker.flush();
    }

    void mute(boolean on) {
        synchronized (lock) {
            muted = on;
        }
    }

    /**
     * The time of the sound being heard, or NaN when there is none to follow: not playing, not started yet,
     * or the sound track is over (shorter than the pictures).
     */
    double clock() {
        synchronized (lock) {
            if (!running || Double.isNaN(base) || !Double.isNaN(restartAt)) {
                return Double.NaN;
            }
            long played = Math.min(speaker.framesPlayed(), framesWritten);
            if (ended && played >= framesWritten) {
                return Double.NaN;
            }
            return base + (double) played / rate;
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        speaker.stop();
        speaker.flush();
    }

    private void loop() {
        byte[] pending = null;
        int offset = 0;
        try {
            while (true) {
                boolean silence;
                synchronized (lock) {
                    while (!closed && (!running || (ended && Double.isNaN(restartAt)))) {
                        lock.wait();
                    }
                    if (closed) {
                        return;
                    }
                    if (!Double.isNaN(restartAt)) {
                        decoder.seek(restartAt);
                        speaker.flush();
                        base = Double.NaN;
                        framesWritten = 0;
                        restartAt = Double.NaN;
                        pending = null;
                    }
                    silence = muted;
                }
                if (pending == null || offset >= pending.length) {
                    AudioDecoder.Samples s = decoder.next();
                    if (s == null) {
                        synchronized (lock) {
                            ended = true;
                        }
                        continue;
                    }
                    synchronized (lock) {
                        if (Double.isNaN(base)) {
                            base = s.seconds();
                        }
                    }
                    pending = s.pcm();
                    offset = 0;
                }
                byte[] out = silence ? new byte[pending.length] : pending;
                int n = speaker.write(out, offset, pending.length - offset);
                n -= n % frameBytes;
                offset += n;
                synchronized (lock) {
                    framesWritten += n / frameBytes;
                    if (n == 0 && running && !closed) {
                        // a stopped or flushed speaker took nothing: wait for the next change instead of spinning
                        lock.wait(20);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            synchronized (lock) {
                ended = true;
            }
        } finally {
            speaker.close();
            decoder.close();
        }
    }
}
