/**
 * The client for the upstream LLM API: raw HTTP exchanges (bodies passed as bytes, streams as they arrive) with
 * bounded retries on 429, 5xx and connection errors.
 */
@NullMarked
package dev.semcache.service.upstream;

import org.jspecify.annotations.NullMarked;
