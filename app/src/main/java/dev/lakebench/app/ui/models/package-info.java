/** The models dialog: installed embedding models (built in, pulled from the Hub, remote), pulling and removing them. */
package dev.lakebench.app.ui.models;
