package dev.semcache.service;

import io.micronaut.runtime.Micronaut;

/**
 * Starts the semcache service: an OpenAI-compatible caching proxy.
 *
 * @since 0.1.0
 */
public final class Application {
    private Application() {}

    /**
     * Runs the service until the JVM stops.
     *
     * @param args command-line arguments, passed to Micronaut
     */
    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
