/**
 * The workbench window: tabs, status bar, shortcuts; composes the features. Layer: app, above the
 * features. May use: every app.ui package, core.
 */
package dev.lakebench.app.ui.shell;
