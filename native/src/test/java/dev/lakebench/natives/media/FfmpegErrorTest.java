package dev.lakebench.natives.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.bytedeco.ffmpeg.global.avutil;
import org.junit.jupiter.api.Test;

/** FFmpeg's error texts end at their NUL: no bytes of the buffer behind it reach a message. */
class FfmpegErrorTest {

    @Test
    void errorTextEndsAtItsNul() {
        Ffmpeg.init();
        String text = Ffmpeg.error(avutil.AVERROR_INVALIDDATA());
        assertThat(text).isEqualTo("Invalid data found when processing input");
        assertThat(text.chars()).noneMatch(c -> c < 0x20);
    }

    @Test
    void bytesPastTheNulAreDropped() {
        byte[] buf = new byte[32];
        byte[] text = "End of file".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(text, 0, buf, 0, text.length);
        byte[] junk = {0x7f, 'h', 'e', 'a', 'p', 0x01};
        System.arraycopy(junk, 0, buf, text.length + 1, junk.length);
        assertThat(Ffmpeg.untilNul(buf)).isEqualTo("End of file");
    }
}
