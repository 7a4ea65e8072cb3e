/**
 * The SDK: the {@code Client} facade and its helpers, the shared value types, options and the error hierarchy.
 * Layer: api, the bottom of core with {@code dataset} and the backend contract ({@code backend}'s own package);
 * every engine package uses these types. The facades reach the engines only through {@code client.spi}.
 * May use: the api layer, schema, concurrent.
 */
package dev.lakebench.core.client;
