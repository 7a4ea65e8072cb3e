package dev.lakebench.core.client;

/** Receives progress of an ingest, from a background thread, at most every few hundred milliseconds and at the end. */
@FunctionalInterface
public interface IngestListener {

    void onProgress(IngestProgress progress);
}
