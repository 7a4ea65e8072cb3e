/**
 * Downloads from a Hugging Face style hub: dataset files for the HuggingFace format, model files for pulled
 * embedding models. Layer: engine, below ingest and embed. May use: the client's shared types.
 */
package dev.lakebench.core.hub;
