/**
 * The SQL editor, parameters, results and export. Layer: app feature. May use: app.ui.common,
 * app.ui.theme, core; not app.ui.shell.
 */
package dev.lakebench.app.ui.sql;
