package dev.lakebench.app.ui.shell;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;

/**
 * The workbench's keyboard shortcuts in one place: installed as scene accelerators and listed in the help
 * dialog (F1), so that the two never disagree.
 */
public final class Shortcuts {

    /** One shortcut: its keys, what it does, and the action. */
    public record Shortcut(KeyCombination keys, String description, Runnable action) {}

    private final List<Shortcut> all = new ArrayList<>();

    public Shortcuts add(String keys, String description, Runnable action) {
        all.add(new Shortcut(KeyCombination.keyCombination(keys), description, action));
        return this;
    }

    public List<Shortcut> all() {
        return List.copyOf(all);
    }

    public void install(Scene scene) {
        for (Shortcut s : all) {
            scene.getAccelerators().put(s.keys(), s.action());
        }
    }
}
