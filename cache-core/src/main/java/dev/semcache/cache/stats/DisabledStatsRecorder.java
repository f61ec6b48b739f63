package dev.semcache.cache.stats;

/** The recorder that records nothing. */
enum DisabledStatsRecorder implements StatsRecorder {
    INSTANCE;

    @Override
    public void exactHit() {}

    @Override
    public void semanticHit(double similarity) {}

    @Override
    public void miss() {}

    @Override
    public void bypass(String reason) {}

    @Override
    public void verifierRejection(String reason) {}

    @Override
    public void error() {}

    @Override
    public void lookupLatency(long nanos) {}

    @Override
    public void tokensSaved(String model, long promptTokens, long completionTokens) {}

    @Override
    public CacheStats snapshot() {
        return CacheStats.empty();
    }

    @Override
    public String toString() {
        return "StatsRecorder.disabled()";
    }
}
