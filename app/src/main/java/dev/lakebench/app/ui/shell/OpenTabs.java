package dev.lakebench.app.ui.shell;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakebench.app.ui.common.Settings;
import dev.lakebench.app.ui.sql.SqlEditorViewModel;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Tab;

/**
 * The SQL tabs that were open, with their text, kept in the settings so that a restart reopens them (grids and
 * results are not kept: they are one click away). Saved half a second after the last edit and when the window
 * closes.
 */
final class OpenTabs {

    /** Text longer than this is not kept (a pasted dump is not worth slowing every save down). */
    static final int MAX_CHARS = 1 << 20;

    /** One saved editor: its connection's id, workspace and text. */
    record Saved(String connection, String workspace, String sql) {}

    private final Settings settings;
    private final WindowState windowState;
    private final ShellView shell;
    private final InvalidationListener textChanged = o -> changed();
    /** Set once the saved editors were reopened: a window closed before that keeps the saved ones. */
    private boolean tracking;

    OpenTabs(Settings settings, WindowState windowState, ShellView shell) {
        this.settings = settings;
        this.windowState = windowState;
        this.shell = shell;
    }

    /** The editors open at the last close, in tab order. */
    List<Saved> saved() {
        List<Saved> out = new ArrayList<>();
        JsonNode tabs = settings.node("tabs");
        if (tabs != null && tabs.isArray()) {
            for (JsonNode t : tabs) {
                if (t.path("sql").isTextual() && t.path("workspace").isTextual()) {
                    out.add(new Saved(
                            t.path("connection").asText("local"),
                            t.path("workspace").asText(),
                            t.path("sql").asText()));
                }
            }
        }
        return out;
    }

    /** Follows the tabs from now on (after the saved ones were reopened). */
    void track() {
        tracking = true;
        for (Tab t : shell.tabs().getTabs()) {
            follow(t);
        }
        shell.tabs().getTabs().addListener((ListChangeListener<Tab>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(this::follow);
                for (Tab t : c.getRemoved()) {
                    if (t.getUserData() instanceof SqlTab s) {
                        s.viewModel().textProperty().removeListener(textChanged);
                    }
                }
            }
            changed();
        });
        changed();
    }

    private void follow(Tab t) {
        if (t.getUserData() instanceof SqlTab s) {
            s.viewModel().textProperty().addListener(textChanged);
        }
    }

    private void changed() {
        put();
        windowState.changed();
    }

    /** Writes the open editors into the settings (the caller saves them). */
    void save() {
        if (tracking) {
            put();
        }
    }

    private void put() {
        List<Saved> open = new ArrayList<>();
        for (Tab t : shell.tabs().getTabs()) {
            if (t.getUserData() instanceof SqlTab s) {
                SqlEditorViewModel vm = s.viewModel();
                String sql = vm.textProperty().get();
                if (sql != null && sql.length() <= MAX_CHARS) {
                    open.add(new Saved(
                            vm.workspace().connection().id(), vm.workspace().workspaceId(), sql));
                }
            }
        }
        put(settings, open);
    }

    /** Writes {@code editors} into the settings as the ones to reopen (the caller saves them). */
    static void put(Settings settings, List<Saved> editors) {
        ArrayNode tabs = JsonNodeFactory.instance.arrayNode();
        for (Saved e : editors) {
            ObjectNode n = tabs.addObject();
            n.put("connection", e.connection());
            n.put("workspace", e.workspace());
            n.put("sql", e.sql());
        }
        settings.put("tabs", tabs);
    }
}
