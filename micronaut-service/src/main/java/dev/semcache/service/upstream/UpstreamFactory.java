package dev.semcache.service.upstream;

import dev.semcache.service.config.RetryConfig;
import dev.semcache.service.config.UpstreamConfig;
import io.micronaut.buffer.netty.NettyByteBufferFactory;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.http.body.ByteBodyFactory;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.RawHttpClient;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Creates the {@link UpstreamClient}; replace the bean to call the upstream another way.
 *
 * @since 0.1.0
 */
@Factory
public final class UpstreamFactory {

    /**
     * Creates the client for the configured upstream.
     *
     * @param upstream where and how to connect
     * @param retry the retry bounds
     * @return the client, closed when the application stops
     */
    @Singleton
    @Bean(preDestroy = "close")
    UpstreamClient upstreamClient(UpstreamConfig upstream, RetryConfig retry) {
        DefaultHttpClientConfiguration http = new DefaultHttpClientConfiguration();
        http.setConnectTimeout(upstream.connectTimeout());
        http.setReadTimeout(upstream.readTimeout());
        http.setReadIdleTimeout(upstream.readTimeout());
        http.setFollowRedirects(false);
        http.setExceptionOnErrorStatus(false);
        // One client for the whole service: the upstream is one host, keep its connections warm.
        RawHttpClient raw = RawHttpClient.create(upstream.url(), http);
        return new UpstreamClient(
                raw,
                upstream,
                new RetryPolicy(retry, () -> ThreadLocalRandom.current().nextDouble()),
                ByteBodyFactory.createDefault(NettyByteBufferFactory.DEFAULT),
                Clock.systemUTC());
    }
}
