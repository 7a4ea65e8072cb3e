package dev.lakebench.core.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxNativeFolderTest {

    @TempDir
    Path cache;

    @Test
    void unpacksThePlatformsLibrariesWholeIntoAFolderNamedAfterTheirChecksum() throws IOException {
        Path folder = OnnxNativeFolder.unpack(cache).orElseThrow();

        assertThat(folder.getParent()).isEqualTo(cache.resolve("onnxruntime"));
        for (String name : OnnxNativeFolder.LIBRARIES) {
            Path file = folder.resolve(OnnxNativeFolder.fileName(name));
            assertThat(Files.size(file)).as(name).isEqualTo(resourceSize(name));
        }
        Path runtime = folder.resolve(OnnxNativeFolder.fileName("onnxruntime"));
        assertThat(folder.getFileName().toString())
                .isEqualTo(OnnxNativeFolder.platform() + "-" + Long.toHexString(crc(runtime)));
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).noneMatch(f -> f.toString().endsWith(".part"));
        }
    }

    @Test
    void aWholeCopyIsKeptAndAShortOneReplaced() throws IOException {
        Path folder = OnnxNativeFolder.unpack(cache).orElseThrow();
        Path runtime = folder.resolve(OnnxNativeFolder.fileName("onnxruntime"));
        Path jni = folder.resolve(OnnxNativeFolder.fileName("onnxruntime4j_jni"));
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(runtime, old);
        Files.write(jni, new byte[] {1, 2, 3}); // as a copy cut short by a crash would be

        assertThat(OnnxNativeFolder.unpack(cache)).contains(folder);

        assertThat(Files.getLastModifiedTime(runtime)).isEqualTo(old);
        assertThat(Files.size(jni)).isEqualTo(resourceSize("onnxruntime4j_jni"));
    }

    @Test
    void aCacheThatCannotBeWrittenLeavesTheUnpackingToOnnxRuntime() throws IOException {
        Path notAFolder = Files.writeString(cache.resolve("cache"), "a file where the cache folder should be");

        assertThat(OnnxNativeFolder.unpack(notAFolder)).isEmpty();
    }

    private static long resourceSize(String library) throws IOException {
        try (InputStream in = resource(library)) {
            return in.transferTo(java.io.OutputStream.nullOutputStream());
        }
    }

    private static InputStream resource(String library) {
        InputStream in = OnnxNativeFolder.class.getResourceAsStream(
                "/ai/onnxruntime/native/" + OnnxNativeFolder.platform() + "/" + OnnxNativeFolder.fileName(library));
        assertThat(in).as("%s in ONNX Runtime's jar", library).isNotNull();
        return in;
    }

    private static long crc(Path file) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(Files.readAllBytes(file));
        return crc.getValue();
    }
}
