package dev.lakebench.app.ui.detail;

import dev.lakebench.app.ui.common.Latest;
import dev.lakebench.natives.media.AudioDecoder;
import dev.lakebench.natives.media.MediaException;
import dev.lakebench.natives.media.VideoDecoder;
import java.nio.file.Path;
import java.util.concurrent.Executor;

/**
 * Plays a video file with the FFmpeg that Lakebench bundles, so segments play on every machine (no system
 * codecs needed). One background loop decodes pictures and paces them by their timestamps; pictures reach the
 * UI through {@link Latest}, so a slow UI drops pictures instead of queueing them. Play, pause and seek only
 * set state under a lock and wake the loop. A sound track plays through {@link SoundTrack}; while it plays,
 * pictures follow its clock (the sample being heard) instead of the wall clock, so picture and sound stay
 * together whatever the sound card's buffering. Without a sound track or an audio device the clip plays silently
 * and the screen is told why.
 */
final class VideoPlayback implements AutoCloseable {

    /** What the player tells the screen, on the UI thread. */
    interface Screen {
        void opened(double duration, int width, int height);

        void picture(VideoDecoder.Picture p);

        void playing(boolean playing);

        void failed(String why);

        /** Null when the sound plays; else why the clip is silent. */
        void sound(String silentBecause);
    }

    private final Object lock = new Object();
    private final Executor ui;
    private final Screen screen;
    private final Latest<VideoDecoder.Picture> pictures;
    private final Executor background;
    private final Speakers speakers;
    private SoundTrack sound;
    /** A sound clock standing still this long while playing no longer paces the pictures. */
    private static final long STALLED_NANOS = 500_000_000L;

    private boolean muted;
    private boolean playing;
    private boolean atEnd;
    private boolean restartClock;
    private double seekTo = Double.NaN;
    private boolean closed;

    VideoPlayback(Path file, Executor background, Executor ui, Screen screen, Speakers speakers) {
        this.background = background;
        this.speakers = speakers;
        this.ui = ui;
        this.screen = screen;
        this.pictures = new Latest<>(ui, screen::picture);
        background.execute(() -> loop(file));
    }

    void play() {
        SoundTrack s;
        synchronized (lock) {
            // read under the lock: the loop publishes the sound track under it, after checking "playing"
            s = sound;
            if (atEnd) {
                seekTo = 0;
                atEnd = false;
                if (s != null) {
                    s.seek(0);
                }
            }
            playing = true;
            restartClock = true;
            lock.notifyAll();
        }
        if (s != null) {
            s.play();
        }
        ui.execute(() -> screen.playing(true));
    }

    void pause() {
        SoundTrack s;
        synchronized (lock) {
            playing = false;
            s = sound;
            lock.notifyAll();
        }
        if (s != null) {
            s.pause();
        }
        ui.execute(() -> screen.playing(false));
    }

    /** Silences the sound; the pictures keep following its clock. */
    void mute(boolean on) {
        SoundTrack s;
        synchronized (lock) {
            muted = on;
            s = sound;
        }
        if (s != null) {
            s.mute(on);
        }
    }

    boolean isPlaying() {
        synchronized (lock) {
            return playing;
        }
    }

    /** Shows the picture at {@code seconds}; playing goes on from there. */
    void seek(double seconds) {
        SoundTrack s;
        synchronized (lock) {
            seekTo = seconds;
            atEnd = false;
            s = sound;
            lock.notifyAll();
        }
        if (s != null) {
            s.seek(seconds);
        }
    }

    @Override
    public void close() {
        SoundTrack s;
        synchronized (lock) {
            closed = true;
            s = sound;
            lock.notifyAll();
        }
        if (s != null) {
            s.close();
        }
    }

    /** Opens the clip's sound on the loop's thread; tells the screen when the clip will be silent, and why. */
    private void openSound(Path file) {
        AudioDecoder decoder;
        try {
            decoder = AudioDecoder.open(file);
        } catch (MediaException e) {
            ui.execute(() -> screen.sound("its sound cannot be read (" + e.getMessage() + ")"));
            return;
        }
        if (decoder == null) {
            ui.execute(() -> screen.sound("this segment has no sound track"));
            return;
        }
        Speakers.Speaker speaker;
        try {
            speaker = speakers.open(decoder.sampleRate(), decoder.channels());
        } catch (Speakers.NoSound e) {
            decoder.close();
            String why = e.getMessage();
            ui.execute(() -> screen.sound(why));
            return;
        }
        SoundTrack s = new SoundTrack(decoder, speaker, background);
        boolean play;
        synchronized (lock) {
            if (closed) {
                s.close();
                return;
            }
            s.mute(muted);
            sound = s;
            play = playing;
        }
        if (play) {
            s.play();
        }
        ui.execute(() -> screen.sound(null));
    }

    private void loop(Path file) {
        try (VideoDecoder d = VideoDecoder.open(file)) {
            double duration = d.duration();
            int w = d.width();
            int h = d.height();
            ui.execute(() -> screen.opened(duration, w, h));
            openSound(file);
            VideoDecoder.Picture first = d.next();
            if (first != null) {
                pictures.offer(first);
            }
            long wallStart = System.nanoTime();
            double mediaStart = first == null ? 0 : first.seconds();
            double shown = mediaStart;
            // the picture a pause came before: shown first when playing resumes
            VideoDecoder.Picture held = null;
            while (true) {
                double seek;
                synchronized (lock) {
                    while (!closed && !playing && Double.isNaN(seekTo)) {
                        lock.wait();
                    }
                    if (closed) {
                        return;
                    }
                    seek = seekTo;
                    seekTo = Double.NaN;
                    if (restartClock) {
                        restartClock = false;
                        wallStart = System.nanoTime();
                        mediaStart = shown;
                    }
                }
                if (!Double.isNaN(seek)) {
                    held = null;
                    d.seek(seek);
                    VideoDecoder.Picture p = d.next();
                    if (p != null) {
                        pictures.offer(p);
                        shown = p.seconds();
                    }
                    wallStart = System.nanoTime();
                    mediaStart = shown;
                    continue;
                }
                VideoDecoder.Picture p = held != null ? held : d.next();
                held = null;
                if (p == null) {
                    synchronized (lock) {
                        playing = false;
                        atEnd = true;
                    }
                    ui.execute(() -> screen.playing(false));
                    continue;
                }
                long due = wallStart + (long) ((p.seconds() - mediaStart) * 1e9);
                SoundTrack s;
                boolean followedSound = false;
                double lastHeard = Double.NaN;
                long heardChanged = System.nanoTime();
                synchronized (lock) {
                    s = sound;
                    while (!closed && playing && Double.isNaN(seekTo)) {
                        double heard = s == null ? Double.NaN : s.clock();
                        long now = System.nanoTime();
                        if (heard != lastHeard) {
                            lastHeard = heard;
                            heardChanged = now;
                        } else if (!Double.isNaN(heard) && now - heardChanged > STALLED_NANOS) {
                            // the device stopped taking sound: do not freeze the pictures with it
                            heard = Double.NaN;
                        }
                        long wait;
                        if (!Double.isNaN(heard)) {
                            // the sound leads: show the picture once its time is heard
                            followedSound = true;
                            wait = (long) ((p.seconds() - heard) * 1e9);
                        } else {
                            if (followedSound) {
                                // the sound ended (or stalled): the wall clock takes over from here
                                followedSound = false;
                                due = System.nanoTime() + (long) ((p.seconds() - shown) * 1e9);
                            }
                            wait = due - System.nanoTime();
                        }
                        if (wait <= 0) {
                            break;
                        }
                        lock.wait(Math.max(1, Math.min(10, wait / 1_000_000)));
                    }
                    if (closed) {
                        return;
                    }
                    if (!playing || !Double.isNaN(seekTo)) {
                        // paused or moved before this picture's time: a pause keeps it for when playing resumes,
                        // a seek drops it; either way the screen does not change after a pause
                        held = Double.isNaN(seekTo) ? p : null;
                        continue;
                    }
                    // offered under the lock: a pause, which takes the lock, comes after this picture, and so does
                    // the screen's news of it
                    pictures.offer(p);
                    shown = p.seconds();
                }
                if (followedSound) {
                    wallStart = System.nanoTime();
                    mediaStart = p.seconds();
                }
            }
        } catch (MediaException e) {
            ui.execute(() -> screen.failed(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | LinkageError e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            ui.execute(() -> screen.failed(why));
        }
    }
}
