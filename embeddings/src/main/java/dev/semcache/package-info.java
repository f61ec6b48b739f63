/**
 * Types shared by every semcache module, such as the root {@link dev.semcache.SemcacheException}.
 */
@NullMarked
package dev.semcache;

import org.jspecify.annotations.NullMarked;
