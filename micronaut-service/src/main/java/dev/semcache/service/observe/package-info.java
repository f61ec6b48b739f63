/**
 * What the service tells about itself: request statistics ({@code GET /stats}), Prometheus metrics bound through
 * Micrometer, and health indicators for the store and the embedding model.
 */
@NullMarked
package dev.semcache.service.observe;

import org.jspecify.annotations.NullMarked;
