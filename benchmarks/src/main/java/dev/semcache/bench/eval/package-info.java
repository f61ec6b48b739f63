/**
 * Evaluation of the cache on labelled prompt pairs: reading the pairs, running each through a real
 * {@link dev.semcache.cache.SemanticCache}, and the precision, recall and false-hit arithmetic of the results.
 */
@NullMarked
package dev.semcache.bench.eval;

import org.jspecify.annotations.NullMarked;
