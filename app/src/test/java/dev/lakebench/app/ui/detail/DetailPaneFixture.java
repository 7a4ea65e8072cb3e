package dev.lakebench.app.ui.detail;

import dev.lakebench.app.ui.FxFixture;
import dev.lakebench.app.ui.UiFixtures;
import dev.lakebench.app.ui.common.Sessions;
import dev.lakebench.app.ui.common.Threads;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The detail pane alone in a window test's stage, its view model's work on pools and its callbacks on the FX
 * thread: {@link #show} from the test's {@code @Start}; after each test its sessions and threads are closed.
 */
final class DetailPaneFixture implements AfterEachCallback {

    private final Supplier<Path> dir;
    private Threads threads;
    private Sessions sessions;
    private DetailViewModel vm;
    private DetailView view;

    /** A pane whose media files go below the folder {@code dir} names. */
    DetailPaneFixture(Supplier<Path> dir) {
        this.dir = dir;
    }

    /** Shows the pane in {@code stage}, in a scene of the given size with the given style sheets. */
    void show(Stage stage, double width, double height, List<String> stylesheets) {
        threads = Threads.forFx();
        sessions = new Sessions(r -> null);
        vm = new DetailViewModel(
                sessions,
                FxFixture.tasks(threads, UiFixtures.errors()),
                dir.get().resolve("scratch"));
        view = new DetailView(vm, threads);
        Scene scene = new Scene((javafx.scene.Parent) view.node(), width, height);
        scene.getStylesheets().setAll(stylesheets);
        stage.setScene(scene);
        stage.show();
    }

    DetailViewModel vm() {
        return vm;
    }

    DetailView view() {
        return view;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (sessions != null) {
            sessions.close();
            threads.shutdown();
        }
    }
}
