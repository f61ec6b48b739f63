/**
 * Benchmarks and measurement tools: JMH suites timing the verifier against an embedding, and the labelled-pair
 * evaluation of hit quality (plain cosine against the strict verifier).
 */
@NullMarked
package dev.semcache.benchmarks;

import org.jspecify.annotations.NullMarked;
