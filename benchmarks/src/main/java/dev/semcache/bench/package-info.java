/**
 * The {@code semcache-bench} command line: workload tools that measure semcache on real models, such as
 * {@code semcache-bench similarity}.
 */
@NullMarked
package dev.semcache.bench;

import org.jspecify.annotations.NullMarked;
