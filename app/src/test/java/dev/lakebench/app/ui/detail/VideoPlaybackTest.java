package dev.lakebench.app.ui.detail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.app.ui.UiFixtures;
import dev.lakebench.natives.media.VideoDecoder;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The player on its own, with the screen called on the player's threads as they hand things over: once
 * {@code pause()} has told the screen, no picture follows, however the decoding thread was placed when it came.
 */
class VideoPlaybackTest {

    private static final Path CLIP =
            UiFixtures.testData("video-sample").resolve("sample_with_increasing_timestamps_320w_240h_5s.mp4");

    /** What the screen heard, in order. */
    private final List<String> heard = new CopyOnWriteArrayList<>();

    private final VideoPlayback.Screen screen = new VideoPlayback.Screen() {
        @Override
        public void opened(double duration, int width, int height) {}

        @Override
        public void picture(VideoDecoder.Picture p) {
            heard.add("picture " + p.seconds());
        }

        @Override
        public void playing(boolean playing) {
            heard.add("playing " + playing);
        }

        @Override
        public void failed(String why) {
            heard.add("failed " + why);
        }

        @Override
        public void sound(String silentBecause) {}
    };

    private long pictures() {
        return heard.stream().filter(e -> e.startsWith("picture")).count();
    }

    private void awaitPictures(long n) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (pictures() < n) {
            assertThat(System.nanoTime())
                    .as("%d pictures shown; heard %s", n, heard)
                    .isLessThan(until);
            Thread.sleep(5);
        }
    }

    @Test
    void noPictureReachesTheScreenAfterPause() throws Exception {
        ExecutorService background = Executors.newCachedThreadPool();
        try (VideoPlayback playback = new VideoPlayback(CLIP, background, Runnable::run, screen, new FakeSpeakers(1))) {
            playback.play();
            awaitPictures(4);
            // several pauses, each wherever the decoding thread happens to be (waiting for a picture's time, or
            // decoding the next one)
            for (int round = 0; round < 5; round++) {
                playback.pause();
                int told = heard.lastIndexOf("playing false");
                assertThat(told).isNotNegative();
                // the time a picture decoded or due before the pause would take to arrive (25 a second)
                Thread.sleep(300);
                assertThat(heard.subList(told, heard.size()))
                        .as("what the screen heard after it was told of pause %d", round + 1)
                        .noneMatch(e -> e.startsWith("picture"));
                long before = pictures();
                playback.play();
                awaitPictures(before + 3);
            }
            assertThat(heard).noneMatch(e -> e.startsWith("failed"));
        } finally {
            background.shutdownNow();
        }
    }
}
