/**
 * The semantic cache: splitting a request into scope and semantic text, the exact and semantic lookup paths, hit
 * verification, statistics and prices.
 */
@NullMarked
package dev.semcache.cache;

import org.jspecify.annotations.NullMarked;
