package dev.lakebench.core.ingest.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextDecoderTest {

    static String decode(byte[] bytes) throws IOException {
        StringBuilder sb = new StringBuilder();
        TextDecoder.decode(new ByteArrayInputStream(bytes), "f.txt", sb::append);
        return sb.toString();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            o.writeBytes(p);
        }
        return o.toByteArray();
    }

    @Test
    void utf8WithAndWithoutByteOrderMark() throws IOException {
        assertThat(decode("héllo".getBytes(StandardCharsets.UTF_8))).isEqualTo("héllo");
        assertThat(decode(concat(
                        new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "héllo".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("héllo");
    }

    @Test
    void utf16ByByteOrderMark() throws IOException {
        assertThat(decode(concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, "日本語".getBytes(StandardCharsets.UTF_16LE))))
                .isEqualTo("日本語");
        assertThat(decode(concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, "日本語".getBytes(StandardCharsets.UTF_16BE))))
                .isEqualTo("日本語");
    }

    @Test
    void multiByteCharactersAcrossReadBlocks() throws IOException {
        String t = "é".repeat(100_000); // 200,000 bytes: blocks of 64 KiB cut characters in half
        assertThat(decode(t.getBytes(StandardCharsets.UTF_8))).isEqualTo(t);
    }

    @Test
    void invalidBytesFailWithTheirOffset() {
        byte[] latin1 = "caf\u00e9 au lait".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> decode(latin1))
                .isInstanceOf(FileFailure.class)
                .hasMessageContaining("Not valid UTF-8 text: byte 0xE9 at offset 3 of f.txt")
                .hasMessageContaining("iconv");
    }

    @Test
    void nulBytesMeanBinaryData() {
        assertThatThrownBy(() -> decode(new byte[] {'a', 'b', 0, 'c'}))
                .isInstanceOf(FileFailure.class)
                .hasMessageContaining("Binary data in a text file: NUL byte at offset 2 of f.txt");
    }
}
