package dev.lakebench.core.client;

import java.nio.file.Path;
import java.time.Instant;

/** A workspace: id (used in paths and URLs), display name, creation time, and its folder (null when remote). */
public record WorkspaceInfo(String id, String name, Instant createdAt, Path dir) {}
