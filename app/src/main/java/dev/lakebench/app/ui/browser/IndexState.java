package dev.lakebench.app.ui.browser;

import dev.lakebench.core.backend.local.LocalBackend;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.IndexInfo;
import dev.lakebench.core.index.IndexStatus;
import java.util.Locale;

/**
 * How far an index is, as the browser shows it: "building 42 %", "catching up", "ready", or "failed" with the
 * reason. The embedded engine tells the lifecycle of each index; other backends only tell ready or not.
 *
 * @param busy a build or catch-up is under way (the browser keeps asking until it is not)
 */
public record IndexState(String text, boolean busy, String failure) {

    /** Background: the state of an index of the client's workspace. */
    public static IndexState of(Client client, IndexInfo index) {
        if (client.backend() instanceof LocalBackend local) {
            IndexStatus s = local.indexes().status(index.name());
            if (s != null) {
                return of(s);
            }
        }
        return index.ready() ? new IndexState("ready", false, null) : new IndexState("catching up", true, null);
    }

    static IndexState of(IndexStatus s) {
        return switch (s.state()) {
            case BUILDING ->
                new IndexState(
                        String.format(Locale.ROOT, "building %d %%", (int) Math.floor(s.progress() * 100)), true, null);
            case CATCHING_UP -> new IndexState("catching up", true, null);
            case READY -> new IndexState("ready", false, null);
            case FAILED ->
                new IndexState(
                        "failed",
                        false,
                        s.failure() == null || s.failure().isBlank() ? "no reason given" : s.failure());
        };
    }

    /** The text next to the index's name. */
    String label() {
        return failure == null ? text : text + ": " + failure;
    }
}
