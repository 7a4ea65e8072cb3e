/**
 * Reading tables as batches for training loops, and Parquet export. Layer: api (a part of the SDK: the client
 * returns datasets, datasets return the client's rows). May use: the api layer (the backend contract, the
 * engine helpers through {@code client.spi}), schema, concurrent, native's engine.
 */
package dev.lakebench.core.dataset;
