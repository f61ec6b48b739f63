/**
 * HTTP load against the caching service and, in the same run, against the fake upstream directly, to measure
 * throughput, latency and the service's overhead per request.
 */
@NullMarked
package dev.semcache.bench.load;

import org.jspecify.annotations.NullMarked;
