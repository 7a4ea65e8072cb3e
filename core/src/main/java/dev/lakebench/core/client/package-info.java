/**
 * The SDK's public surface. Layer: top of core (the {@code Client} facade over the backends, ingest and
 * datasets) and, for now, also the shared value types and the error hierarchy that every other core package
 * uses; docs/decisions/0014-code-layout.md describes how those move to a package of their own. May use: every
 * core package and native.
 */
package dev.lakebench.core.client;
