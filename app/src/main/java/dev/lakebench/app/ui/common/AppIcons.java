package dev.lakebench.app.ui.common;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/** The application icon (rendered from {@code icons/src} at build time) in every size, for window decorations. */
public final class AppIcons {

    /** Sizes shipped in the jar; the window system picks the one that fits its title bar or task switcher. */
    static final int[] SIZES = {16, 24, 32, 48, 64, 128, 256};

    private static volatile List<Image> images;

    private AppIcons() {}

    /** The icon images, loaded once. */
    public static List<Image> images() {
        List<Image> loaded = images;
        if (loaded == null) {
            List<Image> list = new ArrayList<>();
            for (int size : SIZES) {
                try (InputStream in =
                        AppIcons.class.getResourceAsStream("/dev/lakebench/app/icons/lakebench-" + size + ".png")) {
                    if (in != null) {
                        list.add(new Image(in));
                    }
                } catch (IOException e) {
                    // a missing size only costs the window system a rescale
                }
            }
            loaded = List.copyOf(list);
            images = loaded;
        }
        return loaded;
    }

    /** Gives {@code stage} the application icon. */
    public static void apply(Stage stage) {
        stage.getIcons().setAll(images());
    }

    /** The icon's seven pictures, decoded on {@code decode}. */
    public static CompletableFuture<List<Image>> decode(Executor decode) {
        return CompletableFuture.supplyAsync(AppIcons::images, decode);
    }
}
