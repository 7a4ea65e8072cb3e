/**
 * The JavaFX workbench's application class and launcher. Layer: app. May use: every app.ui package, core.
 */
package dev.lakebench.app.ui;
