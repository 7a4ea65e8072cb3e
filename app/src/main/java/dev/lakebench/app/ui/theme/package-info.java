/**
 * Themes, styles and icons. Layer: app, the bottom of the UI. May use: JavaFX and the JDK.
 */
package dev.lakebench.app.ui.theme;
