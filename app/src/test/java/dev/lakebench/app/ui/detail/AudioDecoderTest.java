package dev.lakebench.app.ui.detail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.natives.media.AudioDecoder;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled FFmpeg decodes a clip's sound track to 16-bit PCM; a clip without one has no sound to open. */
class AudioDecoderTest {

    @TempDir
    Path dir;

    @Test
    void aSineTrackDecodesToItsToneFromTheStartAndAfterASeek() throws Exception {
        Path clip = TestClips.withSine(dir.resolve("tone.mp4"), 3, 440);
        try (AudioDecoder d = AudioDecoder.open(clip)) {
            assertThat(d).isNotNull();
            assertThat(d.sampleRate()).isEqualTo(44100);
            assertThat(d.channels()).isEqualTo(1);
            java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
            AudioDecoder.Samples s;
            double first = -1;
            while ((s = d.next()) != null) {
                if (first < 0) {
                    first = s.seconds();
                }
                all.write(s.pcm());
            }
            assertThat(first).isLessThan(0.1);
            ShortBuffer pcm = ByteBuffer.wrap(all.toByteArray())
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .asShortBuffer();
            int n = pcm.remaining();
            assertThat((double) n / 44100).isBetween(2.8, 3.2);
            // 440 Hz: about 880 sign changes a second in the middle second
            int crossings = 0;
            for (int i = 44100 + 1; i < 2 * 44100; i++) {
                if ((pcm.get(i - 1) < 0) != (pcm.get(i) < 0)) {
                    crossings++;
                }
            }
            assertThat(crossings).isBetween(860, 900);
            d.seek(2.0);
            AudioDecoder.Samples later = d.next();
            assertThat(later.seconds()).isBetween(1.9, 2.1);
        }
    }

    @Test
    void aClipWithoutSoundHasNoTrack() throws Exception {
        Path silent = TestClips.silent(dir.resolve("silent.mp4"), 1);
        assertThat(AudioDecoder.open(silent)).isNull();
    }
}
