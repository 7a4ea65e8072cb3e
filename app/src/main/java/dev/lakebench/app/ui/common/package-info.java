/**
 * What the workbench's features share: tasks and threads, error surfaces, images. Layer: app, below
 * the features. May use: app.ui.theme, core.
 */
package dev.lakebench.app.ui.common;
