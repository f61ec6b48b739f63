/**
 * JMH micro-benchmarks, run from the shaded jar with {@code java -cp benchmarks/target/semcache-bench.jar
 * org.openjdk.jmh.Main}.
 */
@NullMarked
package dev.semcache.bench.jmh;

import org.jspecify.annotations.NullMarked;
