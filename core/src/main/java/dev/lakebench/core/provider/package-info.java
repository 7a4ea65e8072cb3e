/**
 * The engine side of the SDK's service interface ({@code client.spi.EngineServices}): plugs the backends, the
 * ingest pipeline and the SQL helpers into the facades. Layer: the top of core. May use: every core package.
 */
package dev.lakebench.core.provider;
