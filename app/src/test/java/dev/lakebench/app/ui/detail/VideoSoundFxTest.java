package dev.lakebench.app.ui.detail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.app.ui.FxFixture;
import dev.lakebench.app.ui.FxRobotExtension;
import dev.lakebench.app.ui.common.SelectedRow;
import dev.lakebench.app.ui.common.Sessions;
import dev.lakebench.app.ui.common.Threads;
import dev.lakebench.core.client.Row;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * A segment with a sound track plays its sound, with the pictures following the sound's clock, and mutes; on a
 * machine without an audio device it plays silently and says so.
 */
@ExtendWith(FxRobotExtension.class)
class VideoSoundFxTest {

    @TempDir
    static Path dir;

    static byte[] tone;
    static byte[] silent;

    private DetailViewModel vm;
    private Sessions sessions;
    private Threads threads;
    private Stage stage;

    @BeforeAll
    static void clips() throws Exception {
        tone = Files.readAllBytes(TestClips.withSine(dir.resolve("tone.mp4"), 10, 440));
        silent = Files.readAllBytes(TestClips.silent(dir.resolve("silent.mp4"), 2));
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        threads = Threads.forFx();
        sessions = new Sessions(r -> null);
        vm = new DetailViewModel(
                sessions,
                new dev.lakebench.app.ui.common.Tasks(threads, new dev.lakebench.app.ui.common.TaskCenter(), e -> {}),
                dir.resolve("scratch"));
    }

    private void open(FxRobot robot, Speakers speakers, byte[] clip) {
        robot.interact(() -> {
            DetailView view = new DetailView(vm, threads, speakers);
            stage.setScene(new Scene((javafx.scene.Parent) view.node(), 480, 640));
            stage.show();
        });
        Row seg = new Row(
                List.of("id", "chunk_index", "start_time", "end_time", "video_data"),
                new Object[] {"s", 0L, 0.0, 10.0, clip});
        robot.interact(() -> vm.show(new SelectedRow(null, "clips", seg)));
        Label time = robot.lookup("#detail-video-time").queryAs(Label.class);
        FxFixture.await(
                30,
                () -> !robot.lookup("#detail-play").queryButton().isDisabled()
                        && time.getText().contains(" / "));
    }

    @AfterEach
    void close(FxRobot robot) throws Exception {
        robot.interact(() -> vm.clear());
        sessions.close();
        threads.shutdown();
    }

    private static double seconds(FxRobot robot) {
        String t = robot.lookup("#detail-video-time").queryAs(Label.class).getText();
        return t.contains(" / ") ? Double.parseDouble(t.substring(0, t.indexOf(' '))) : -1;
    }

    @Test
    void theSoundPlaysThePicturesFollowItsClockAndMuteWritesSilence(FxRobot robot) throws Exception {
        // a sound card that plays at half speed: pictures that follow the sound advance at half speed too
        FakeSpeakers speakers = new FakeSpeakers(0.5);
        open(robot, speakers, tone);
        FxFixture.await(20, () -> speakers.last != null);
        ToggleButton mute = robot.lookup("#detail-mute").queryAs(ToggleButton.class);
        FxFixture.await(20, () -> !mute.isDisabled());
        assertThat(robot.lookup("#detail-play").queryAs(Button.class).getAccessibleHelp())
                .doesNotContain("silently");

        long t0 = System.nanoTime();
        robot.clickOn("#detail-play");
        FxFixture.await(20, () -> seconds(robot) >= 0.9);
        double wall = (System.nanoTime() - t0) / 1e9;
        // half speed: about 1.8 s of wall time for 0.9 s of pictures (the wall clock alone would take 0.9 s)
        assertThat(wall).as("wall seconds for 0.9 s of pictures").isGreaterThan(1.4);

        FakeSpeakers.Output out = speakers.last;
        ShortBuffer pcm =
                ByteBuffer.wrap(out.heard()).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer();
        int n = Math.min(pcm.remaining(), out.rate);
        int crossings = 0;
        int loud = 0;
        for (int i = 1; i < n; i++) {
            if ((pcm.get(i - 1) < 0) != (pcm.get(i) < 0)) {
                crossings++;
            }
            loud = Math.max(loud, Math.abs(pcm.get(i)));
        }
        assertThat(loud).isGreaterThan(3000);
        // 440 Hz: about 880 sign changes per second of samples
        assertThat(crossings * (double) out.rate / n).isBetween(800.0, 960.0);

        robot.clickOn("#detail-mute");
        int mark = out.heard().length;
        FxFixture.await(30, () -> out.heard().length > mark + 12_288);
        byte[] after = out.heard();
        // what was already on its way (one decoded block of 1,024 samples) may still sound; everything later is silence
        for (int i = mark + 4_096; i < after.length; i++) {
            assertThat(after[i]).as("byte %d after mute", i).isZero();
        }
        robot.clickOn("#detail-play");
        // once the screen says it paused (and the FX thread has shown what was sent before), no picture follows
        FxFixture.await(
                10, () -> robot.lookup("#detail-play").queryButton().getText().equals("Play"));
        double held = FxFixture.onFx(() -> seconds(robot));
        Thread.sleep(700);
        assertThat(FxFixture.onFx(() -> seconds(robot))).isEqualTo(held);
    }

    @Test
    void withoutASoundTrackOrADeviceItPlaysSilentlyAndSaysWhyQuietly(FxRobot robot) {
        open(robot, new FakeSpeakers(1), silent);
        Button play = robot.lookup("#detail-play").queryAs(Button.class);
        FxFixture.await(20, () -> play.getAccessibleHelp().contains("no sound track"));
        assertThat(robot.lookup("#detail-mute").queryAs(ToggleButton.class).isDisabled())
                .isTrue();
        // the tooltip, made on the first hover, says the same, and leaves before the next window
        robot.moveTo(play);
        FxFixture.await(10, () -> play.getTooltip() != null);
        robot.moveBy(2, 0);
        FxFixture.await(10, () -> play.getTooltip().isShowing());
        assertThat(FxFixture.onFx(() -> play.getTooltip().getText())).isEqualTo(play.getAccessibleHelp());
        FxFixture.snap(robot, play.getScene(), "video-silent-play-tooltip-window");
        FxFixture.snap(robot, play.getTooltip().getScene(), "video-silent-play-tooltip");
        robot.moveTo("#detail-title");
        FxFixture.await(10, () -> !play.getTooltip().isShowing());

        boolean device;
        try {
            javax.sound.sampled.AudioFormat f = new javax.sound.sampled.AudioFormat(44100, 16, 1, true, false);
            javax.sound.sampled.AudioSystem.getSourceDataLine(f).close();
            device = true;
        } catch (Exception e) {
            device = false;
        }
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true));
        try {
            open(robot, new JavaSoundSpeakers(), tone);
            Button realPlay = robot.lookup("#detail-play").queryAs(Button.class);
            ToggleButton mute = robot.lookup("#detail-mute").queryAs(ToggleButton.class);
            if (device) {
                FxFixture.await(20, () -> !mute.isDisabled());
            } else {
                FxFixture.await(20, () -> realPlay.getAccessibleHelp().contains("silently: no audio device"));
                assertThat(mute.isDisabled()).isTrue();
                assertThat(mute.getAccessibleHelp()).isEqualTo("No sound: no audio device");
            }
            robot.clickOn("#detail-play");
            FxFixture.await(20, () -> seconds(robot) >= 0.5);
            robot.clickOn("#detail-play");
        } finally {
            System.setErr(err);
        }
        assertThat(captured.toString()).isEmpty();
    }
}
