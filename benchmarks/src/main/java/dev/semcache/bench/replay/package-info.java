/**
 * Workload replay: a seeded, realistic stream of prompts built from labelled pairs, run through a real
 * {@link dev.semcache.cache.SemanticCache} in front of a simulated upstream, with hit rate, right and wrong hits,
 * savings and latency as results.
 */
@NullMarked
package dev.semcache.bench.replay;

import org.jspecify.annotations.NullMarked;
