/**
 * The {@code lakebench} command line. Layer: app. May use: core; never JavaFX or app.ui (enforced by the
 * app's ArchitectureTest).
 */
package dev.lakebench.app.cli;
