package dev.semcache.cache.store;

/** Runs the store contract against {@link VectorStores#lettuce(RedisConnectionConfig, VectorIndexOptions)}. */
final class LettuceVectorStoreIT extends AbstractRedisVectorStoreContractTest {

    @Override
    protected VectorStore openStore(RedisConnectionConfig connection, VectorIndexOptions options) {
        return VectorStores.lettuce(connection, options);
    }
}
