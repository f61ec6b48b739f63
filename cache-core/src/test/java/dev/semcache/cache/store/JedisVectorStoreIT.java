package dev.semcache.cache.store;

/** Runs the store contract against {@link VectorStores#jedis(RedisConnectionConfig, VectorIndexOptions)}. */
final class JedisVectorStoreIT extends AbstractRedisVectorStoreContractTest {

    @Override
    protected VectorStore openStore(RedisConnectionConfig connection, VectorIndexOptions options) {
        return VectorStores.jedis(connection, options);
    }
}
