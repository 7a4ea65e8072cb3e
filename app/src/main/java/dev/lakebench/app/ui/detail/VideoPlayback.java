package dev.lakebench.app.ui.detail;

import dev.lakebench.app.ui.common.Latest;
import dev.lakebench.natives.media.MediaException;
import dev.lakebench.natives.media.VideoDecoder;
import java.nio.file.Path;
import java.util.concurrent.Executor;

/**
 * Plays a video file with the FFmpeg that Lakebench bundles, so segments play on every machine (no system
 * codecs needed). One background loop decodes pictures and paces them by their timestamps; pictures reach the
 * UI through {@link Latest}, so a slow UI drops pictures instead of queueing them. Play, pause and seek only
 * set state under a lock and wake the loop. Pictures only: the sound track is not played.
 */
final class VideoPlayback implements AutoCloseable {

    /** What the player tells the screen, on the UI thread. */
    interface Screen {
        void opened(double duration, int width, int height);

        void picture(VideoDecoder.Picture p);

        void playing(boolean playing);

        void failed(String why);
    }

    private final Object lock = new Object();
    private final Executor ui;
    private final Screen screen;
    private final Latest<VideoDecoder.Picture> pictures;
    private boolean playing;
    private boolean atEnd;
    private boolean restartClock;
    private double seekTo = Double.NaN;
    private boolean closed;

    VideoPlayback(Path file, Executor background, Executor ui, Screen screen) {
        this.ui = ui;
        this.screen = screen;
        this.pictures = new Latest<>(ui, screen::picture);
        background.execute(() -> loop(file));
    }

    void play() {
        synchronized (lock) {
            if (atEnd) {
                seekTo = 0;
                atEnd = false;
            }
            playing = true;
            restartClock = true;
            lock.notifyAll();
        }
        ui.execute(() -> screen.playing(true));
    }

    void pause() {
        synchronized (lock) {
            playing = false;
            lock.notifyAll();
        }
        ui.execute(() -> screen.playing(false));
    }

    boolean isPlaying() {
        synchronized (lock) {
            return playing;
        }
    }

    /** Shows the picture at {@code seconds}; playing goes on from there. */
    void seek(double seconds) {
        synchronized (lock) {
            seekTo = seconds;
            atEnd = false;
            lock.notifyAll();
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
    }

    private void loop(Path file) {
        try (VideoDecoder d = VideoDecoder.open(file)) {
            double duration = d.duration();
            int w = d.width();
            int h = d.height();
            ui.execute(() -> screen.opened(duration, w, h));
            VideoDecoder.Picture first = d.next();
            if (first != null) {
                pictures.offer(first);
            }
            long wallStart = System.nanoTime();
            double mediaStart = first == null ? 0 : first.seconds();
            double shown = mediaStart;
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
                VideoDecoder.Picture p = d.next();
                if (p == null) {
                    synchronized (lock) {
                        playing = false;
                        atEnd = true;
                    }
                    ui.execute(() -> screen.playing(false));
                    continue;
                }
                long due = wallStart + (long) ((p.seconds() - mediaStart) * 1e9);
                synchronized (lock) {
                    long wait;
                    while (!closed && playing && Double.isNaN(seekTo) && (wait = due - System.nanoTime()) > 0) {
                        lock.wait(Math.max(1, wait / 1_000_000));
                    }
                    if (closed) {
                        return;
                    }
                }
                pictures.offer(p);
                shown = p.seconds();
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
