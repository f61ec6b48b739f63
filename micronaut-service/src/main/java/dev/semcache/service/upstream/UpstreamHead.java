package dev.semcache.service.upstream;

import org.jspecify.annotations.Nullable;

/** What the retry loop needs to know about a response: its status and headers, and how to let go of it. */
interface UpstreamHead {
    int status();

    @Nullable
    String header(String name);

    void discard();
}
