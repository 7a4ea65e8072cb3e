package dev.lakebench.core.embed;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtLoggingLevel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;

/**
 * Prepares the native parts that models use, once per process and before their first class loads: the tokenizer
 * library and ONNX Runtime's libraries are unpacked into Lakebench's data directory (not the user's home, and
 * once, not at every start), nothing is ever downloaded, ONNX Runtime reports only errors, and the logging facade the tokenizer library calls stays silent when the
 * application has no logger of its own (instead of warning on stderr).
 */
public final class NativeRuntime {

    /** Where ONNX Runtime loads its libraries from, instead of a copy in a new temporary folder. */
    static final String ONNX_NATIVE_PATH = "onnxruntime.native.path";

    private static volatile OrtEnvironment environment;

    private NativeRuntime() {}

    /** The ONNX Runtime environment, set up on first use with {@code cacheDir} for unpacked native libraries. */
    public static OrtEnvironment environment(Path cacheDir) {
        OrtEnvironment env = environment;
        if (env == null) {
            synchronized (NativeRuntime.class) {
                env = environment;
                if (env == null) {
                    prepare(cacheDir);
                    env = OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR, "lakebench");
                    environment = env;
                }
            }
        }
        return env;
    }

    private static void prepare(Path cacheDir) {
        Path djl = cacheDir.resolve("djl");
        try {
            Files.createDirectories(djl);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the model cache folder " + djl, e);
        }
        setIfAbsent("DJL_CACHE_DIR", djl.toString());
        setIfAbsent("ENGINE_CACHE_DIR", djl.toString());
        setIfAbsent("DJL_OFFLINE", "true");
        if (System.getProperty(ONNX_NATIVE_PATH) == null) {
            OnnxNativeFolder.unpack(cacheDir).ifPresent(f -> System.setProperty(ONNX_NATIVE_PATH, f.toString()));
        }
        if (System.getProperty("slf4j.provider") == null
                && ServiceLoader.load(org.slf4j.spi.SLF4JServiceProvider.class)
                        .findFirst()
                        .isEmpty()) {
            System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
            setIfAbsent("slf4j.internal.verbosity", "WARN");
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
