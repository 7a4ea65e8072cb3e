/**
 * Image decoding, orientation and PNG encoding for ingest. Layer: bottom of ingest. May use: the JDK's
 * ImageIO and its plug-ins, ingest.files' failure types.
 */
package dev.lakebench.core.ingest.image;
