package dev.lakebench.app.ui.theme;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ThemeTest {

    @Test
    void aSavedThemeIsReadInAnyCaseAndAnUnknownOneFallsBackToLight() {
        assertThat(Theme.named("DARK")).isEqualTo(Theme.DARK);
        assertThat(Theme.named("dark")).isEqualTo(Theme.DARK);
        assertThat(Theme.named(" Light ")).isEqualTo(Theme.LIGHT);
        assertThat(Theme.named("solarized")).isEqualTo(Theme.LIGHT);
        assertThat(Theme.named("")).isEqualTo(Theme.LIGHT);
        assertThat(Theme.named(null)).isEqualTo(Theme.LIGHT);
    }
}
