/**
 * The dashboard: a page at {@code /dashboard} that shows hit rate, money saved and latency live, the time series it
 * charts ({@code GET /stats/history}, kept by {@link dev.semcache.service.dashboard.StatsHistory}), and the admin-token
 * guard over the page and the statistics endpoints.
 *
 * <p>Only aggregates leave this package: counts, tokens, dollars and latencies, never a prompt or an answer.
 */
@NullMarked
package dev.semcache.service.dashboard;

import org.jspecify.annotations.NullMarked;
