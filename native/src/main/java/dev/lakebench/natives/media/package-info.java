/**
 * FFmpeg through JavaCV: video segments, frames and their errors. Layer: native. May use: JavaCV, the JDK.
 */
package dev.lakebench.natives.media;
