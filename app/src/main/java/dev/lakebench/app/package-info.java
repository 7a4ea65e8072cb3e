/**
 * The entry point: command line or workbench. Layer: app (the top). May use: app.cli, app.boot, app.ui.
 */
package dev.lakebench.app;
