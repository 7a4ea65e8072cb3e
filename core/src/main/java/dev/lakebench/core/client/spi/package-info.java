/**
 * The service interface through which the SDK's facades reach the engines without depending on them. Layer:
 * api (with the rest of {@code client}, {@code dataset} and the backend contract). May use: the api layer,
 * schema, concurrent.
 */
package dev.lakebench.core.client.spi;
