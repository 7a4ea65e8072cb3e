package dev.lakebench.core.ingest.files;

import dev.lakebench.core.concurrent.NamedThreads;
import java.util.concurrent.ExecutorService;

/**
 * Helper threads shared by all normalisers for work that can run beside a file's reading: PNG encoding and
 * thumbnails of rendered PDF pages, frame decoding and thumbnails of video segments. One pool per process, as
 * many threads as cores; tasks never wait on each other, so workers waiting on them cannot deadlock.
 */
final class EncodePool {

    static final ExecutorService EXECUTOR = NamedThreads.fixed(
            "lakebench-encode", Math.max(2, Runtime.getRuntime().availableProcessors()));

    private EncodePool() {}
}
