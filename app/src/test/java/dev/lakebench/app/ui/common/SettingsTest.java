package dev.lakebench.app.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    @Test
    void valuesSurviveARestart(@TempDir Path dir) {
        Path file = dir.resolve("workbench").resolve("settings.json");
        Settings s = Settings.load(file);
        s.put("window.width", 1111.0);
        s.put("theme", "DARK");
        s.put("window.maximized", true);
        s.save();
        Settings again = Settings.load(file);
        assertThat(again.number("window.width", 0)).isEqualTo(1111.0);
        assertThat(again.text("theme", "LIGHT")).isEqualTo("DARK");
        assertThat(again.flag("window.maximized", false)).isTrue();
    }

    @Test
    void aDamagedFileGivesDefaults(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{not json");
        Settings s = Settings.load(file);
        assertThat(s.number("window.width", 1280)).isEqualTo(1280);
    }
}
