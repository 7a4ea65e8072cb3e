package dev.lakebench.core.ingest.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextChunkerTest {

    static List<String> chunks(String text, int size, int overlap, int feed) {
        List<String> out = new ArrayList<>();
        TextChunker c = new TextChunker(size, overlap, out::add);
        for (int i = 0; i < text.length(); i += feed) {
            c.add(text.substring(i, Math.min(text.length(), i + feed)));
        }
        assertThat(c.finish()).isEqualTo(out.size());
        return out;
    }

    @Test
    void chunksOverlapByTheGivenCharacters() {
        assertThat(chunks("abcdefghij", 4, 1, 100)).containsExactly("abcd", "defg", "ghij");
        assertThat(chunks("abcdefghijk", 4, 1, 1)).containsExactly("abcd", "defg", "ghij", "jk");
        assertThat(chunks("abcdefghij", 5, 0, 3)).containsExactly("abcde", "fghij");
    }

    @Test
    void aTailInsideThePreviousChunkIsNotRepeated() {
        // 1000 chars at 1000/200: one chunk, not a second one of the last 200
        String t = "x".repeat(1000);
        assertThat(chunks(t, 1000, 200, 7)).containsExactly(t);
        assertThat(chunks("abc", 10, 2, 1)).containsExactly("abc");
    }

    @Test
    void chunksAreIndependentOfHowTheTextArrives() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            sb.append((char) ('a' + i % 26));
        }
        String t = sb.toString();
        List<String> whole = chunks(t, 1000, 200, t.length());
        assertThat(chunks(t, 1000, 200, 1)).isEqualTo(whole);
        assertThat(chunks(t, 1000, 200, 333)).isEqualTo(whole);
        // starts every 800 characters, each 1000 long except the last
        assertThat(whole).hasSize(6);
        for (int i = 0; i < whole.size(); i++) {
            assertThat(whole.get(i)).isEqualTo(t.substring(i * 800, Math.min(t.length(), i * 800 + 1000)));
        }
    }

    @Test
    void surrogatePairsCountAsOneCharacterAndAreNeverSplit() {
        String emoji = "\uD83D\uDE00"; // one code point, two Java chars
        String t = emoji.repeat(5);
        List<String> out = chunks(t, 2, 1, 1);
        assertThat(out).containsExactly(emoji.repeat(2), emoji.repeat(2), emoji.repeat(2), emoji.repeat(2));
    }

    @Test
    void overlapMustBeSmallerThanTheChunk() {
        assertThatThrownBy(() -> new TextChunker(10, 10, s -> {})).hasMessageContaining("smaller than the chunk size");
    }
}
