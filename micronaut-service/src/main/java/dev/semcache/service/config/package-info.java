/**
 * The service's configuration: one record per prefix under {@code semcache}, each with its defaults stated where it is
 * declared, bound from {@code application.yml} and the environment variables it names.
 */
@NullMarked
package dev.semcache.service.config;

import org.jspecify.annotations.NullMarked;
