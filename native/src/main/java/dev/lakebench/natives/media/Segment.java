package dev.lakebench.natives.media;

import java.nio.file.Path;

/**
 * One piece of a video cut by stream copy: its number, where it starts and ends in the source (seconds, at the
 * real cut points), and the MP4 file holding it (owned by the receiver, who deletes it).
 */
public record Segment(int index, double startSeconds, double endSeconds, Path file) {}
