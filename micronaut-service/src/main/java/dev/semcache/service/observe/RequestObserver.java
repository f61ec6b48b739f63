package dev.semcache.service.observe;

/**
 * Told about every finished chat completions request: statistics, metrics.
 *
 * <p>Implementations are fast and thread-safe. They should not throw; the service guards every call and logs what they
 * throw, so an observer can never break a request.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface RequestObserver {

    /**
     * Records one finished request.
     *
     * @param record what happened
     */
    void onRequest(RequestRecord record);
}
