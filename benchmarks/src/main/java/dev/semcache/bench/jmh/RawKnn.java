package dev.semcache.bench.jmh;

import dev.semcache.bench.report.BenchStore;
import dev.semcache.cache.store.RedisConnectionConfig;
import dev.semcache.cache.store.VectorIndexOptions;
import dev.semcache.cache.store.internal.RedisLayout;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.output.NestedMultiOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import io.lettuce.core.protocol.ProtocolVersion;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.search.SearchProtocol.SearchCommand;

/**
 * One FT.SEARCH KNN round trip sent as a raw command, bypassing our stores: the same query, parameters and returned
 * fields a store sends (see {@link RedisLayout}), on a connection of its own, with the reply left unparsed. What a
 * store adds on top of this is its own cost.
 */
interface RawKnn extends AutoCloseable {

    /**
     * Sends one search.
     *
     * @param vector the query vector
     * @return the raw reply
     */
    Object search(float[] vector);

    @Override
    void close();

    static RawKnn open(
            StoreKind kind, RedisConnectionConfig config, VectorIndexOptions index, String ns, String scope) {
        RedisLayout layout = new RedisLayout(index);
        String query = layout.knnQuery(ns, scope);
        return kind == StoreKind.LETTUCE
                ? new LettuceKnn(config, index.indexName(), query)
                : new JedisKnn(config, index.indexName(), query);
    }

    /** The arguments after the command name, with the vector blob in place. */
    static List<byte[]> arguments(String indexName, String query, float[] vector) {
        List<byte[]> args = new ArrayList<>();
        for (String s : new String[] {indexName, query, "PARAMS", "4", RedisLayout.PARAM_K, "3"}) {
            args.add(s.getBytes(StandardCharsets.UTF_8));
        }
        args.add(RedisLayout.PARAM_BLOB.getBytes(StandardCharsets.UTF_8));
        args.add(RedisLayout.encode(vector));
        for (String s : new String[] {"SORTBY", RedisLayout.DIST, "ASC", "LIMIT", "0", "3", "RETURN"}) {
            args.add(s.getBytes(StandardCharsets.UTF_8));
        }
        args.add(Integer.toString(RedisLayout.RETURN_FIELDS.size()).getBytes(StandardCharsets.UTF_8));
        for (String field : RedisLayout.RETURN_FIELDS) {
            args.add(field.getBytes(StandardCharsets.UTF_8));
        }
        args.add("DIALECT".getBytes(StandardCharsets.UTF_8));
        args.add("2".getBytes(StandardCharsets.UTF_8));
        return args;
    }

    /** Raw Jedis: {@code sendCommand(FT.SEARCH, ...)} on one plain connection. */
    final class JedisKnn implements RawKnn {
        private final Jedis jedis;
        private final String indexName;
        private final String query;

        JedisKnn(RedisConnectionConfig config, String indexName, String query) {
            this.jedis = BenchStore.rawJedis(config);
            this.indexName = indexName;
            this.query = query;
        }

        @Override
        public Object search(float[] vector) {
            return jedis.sendCommand(
                    SearchCommand.SEARCH, arguments(indexName, query, vector).toArray(new byte[0][]));
        }

        @Override
        public void close() {
            jedis.close();
        }
    }

    /** Raw Lettuce: {@code dispatch(FT_SEARCH, ...)} on one RESP2 connection, waited for synchronously. */
    final class LettuceKnn implements RawKnn {
        private final RedisClient client;
        private final StatefulRedisConnection<byte[], byte[]> connection;
        private final String indexName;
        private final String query;

        LettuceKnn(RedisConnectionConfig config, String indexName, String query) {
            RedisURI.Builder uri = RedisURI.builder()
                    .withHost(config.host())
                    .withPort(config.port())
                    .withSsl(config.tls())
                    .withDatabase(config.database())
                    .withTimeout(config.commandTimeout());
            if (config.password() != null) {
                if (config.username() != null) {
                    uri.withAuthentication(config.username(), config.password().toCharArray());
                } else {
                    uri.withPassword(config.password().toCharArray());
                }
            }
            this.client = RedisClient.create(uri.build());
            client.setOptions(ClientOptions.builder()
                    .protocolVersion(ProtocolVersion.RESP2)
                    .build());
            this.connection = client.connect(ByteArrayCodec.INSTANCE);
            this.indexName = indexName;
            this.query = query;
        }

        @Override
        public Object search(float[] vector) {
            CommandArgs<byte[], byte[]> args = new CommandArgs<>(ByteArrayCodec.INSTANCE);
            for (byte[] arg : arguments(indexName, query, vector)) {
                args.add(arg);
            }
            return connection
                    .sync()
                    .dispatch(CommandType.FT_SEARCH, new NestedMultiOutput<>(ByteArrayCodec.INSTANCE), args);
        }

        @Override
        public void close() {
            connection.close();
            client.shutdown();
        }
    }
}
