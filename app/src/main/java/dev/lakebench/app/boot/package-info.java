/**
 * Starts the workbench JVM with the right options. Layer: app. May use: the JDK.
 */
package dev.lakebench.app.boot;
