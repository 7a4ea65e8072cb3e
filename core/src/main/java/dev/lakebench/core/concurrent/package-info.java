/**
 * Named threads and small executors. Layer: bottom (no Lakebench dependencies). May use: the JDK only.
 */
package dev.lakebench.core.concurrent;
