/**
 * The HTTP surface of the service: the OpenAI-compatible chat completions endpoint with its cache headers, the
 * pass-through of other {@code /v1} paths, tenancy and client authentication, and OpenAI-style error bodies for
 * every error the service or Micronaut produces.
 */
@NullMarked
package dev.semcache.service.web;

import org.jspecify.annotations.NullMarked;
