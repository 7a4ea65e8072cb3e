package dev.lakebench.core.ingest.formats;

import java.nio.file.Path;

/** The fixture folders under core/src/test/resources/data. */
final class TestData {

    private TestData() {}

    static Path dir(String name) {
        return Path.of(System.getProperty("lakebench.testData")).resolve(name);
    }

    static Path lerobot() {
        return dir("lerobot-v21-g1-sample");
    }

    static Path coco() {
        return dir("coco-detection-captions-sample");
    }

    static Path panoptic() {
        return dir("coco-panoptic-sample").resolve("sample_data");
    }

    static Path fsdd() {
        return dir("hf-parquet-fsdd-sample");
    }
}
