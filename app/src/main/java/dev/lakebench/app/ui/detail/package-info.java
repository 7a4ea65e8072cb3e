/**
 * The detail view of one row (media, fields). Layer: app feature. May use: app.ui.common,
 * app.ui.theme, core; not app.ui.shell.
 */
package dev.lakebench.app.ui.detail;
