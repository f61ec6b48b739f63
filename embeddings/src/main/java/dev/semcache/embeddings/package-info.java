/**
 * Turns text into L2-normalised vectors with a local ONNX model.
 *
 * <p>{@link dev.semcache.embeddings.TextEmbedder} is the role every part of semcache depends on; the ONNX Runtime
 * implementation and its bundled models live beside it.
 */
@NullMarked
package dev.semcache.embeddings;

import org.jspecify.annotations.NullMarked;
