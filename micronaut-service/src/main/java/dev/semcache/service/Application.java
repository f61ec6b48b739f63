package dev.semcache.service;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;

/**
 * Starts the semcache service: an OpenAI-compatible caching proxy.
 *
 * @since 0.1.0
 */
@OpenAPIDefinition(
        info =
                @Info(
                        title = "semcache",
                        version = Application.API_VERSION,
                        description = "An OpenAI-compatible caching proxy: repeated questions, in other words too, "
                                + "are answered from a semantic cache; the rest go to the upstream.",
                        license = @License(name = "Apache-2.0")))
public final class Application {
    /**
     * The version of the service's HTTP API, as the OpenAPI document states it; the document is generated at build
     * time as {@code META-INF/swagger/semcache-<version>.yml} and served at {@code GET /openapi.yml}.
     */
    public static final String API_VERSION = "0.1.0";

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
