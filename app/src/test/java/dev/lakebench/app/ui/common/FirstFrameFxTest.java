package dev.lakebench.app.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.app.ui.FxFixture;
import dev.lakebench.app.ui.FxRobotExtension;
import java.lang.ref.WeakReference;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.Start;

/** An action after a window's next laid-out pulse: run once, and nothing of it kept by the window afterwards. */
@ExtendWith(FxRobotExtension.class)
class FirstFrameFxTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new Label("first frame"), 200, 100));
        stage.show();
    }

    @Test
    void eachActionRunsOnceAfterThePulse() {
        AtomicInteger runs = new AtomicInteger();
        FxFixture.onFx(() -> {
            for (int i = 0; i < 20; i++) {
                FirstFrame.after(stage, runs::incrementAndGet);
            }
            Platform.requestNextPulse();
            return null;
        });
        FxFixture.await(10, () -> runs.get() == 20);
        FxFixture.onFx(() -> {
            Platform.requestNextPulse();
            return null;
        });
        FxFixture.settle();
        assertThat(runs).hasValue(20);
    }

    @Test
    void theWindowKeepsNoActionThatRan() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        WeakReference<Runnable> held = FxFixture.onFx(() -> {
            Runnable action = runs::incrementAndGet;
            FirstFrame.after(stage, action);
            Platform.requestNextPulse();
            return new WeakReference<>(action);
        });
        FxFixture.await(10, () -> runs.get() == 1);
        FxFixture.settle(); // the scene's listener is removed in a task after the pulse

        for (int i = 0; i < 50 && held.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertThat(held.get()).as("collected once it ran").isNull();
    }
}
