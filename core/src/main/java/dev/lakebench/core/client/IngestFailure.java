package dev.lakebench.core.client;

/** A source (usually a file) that could not be ingested, with the reason; the other sources still landed. */
public record IngestFailure(String path, String reason) {}
