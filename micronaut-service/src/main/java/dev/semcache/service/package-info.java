/**
 * The semcache service: wires the cache core into a Micronaut HTTP proxy that speaks the OpenAI wire format.
 */
@NullMarked
package dev.semcache.service;

import org.jspecify.annotations.NullMarked;
