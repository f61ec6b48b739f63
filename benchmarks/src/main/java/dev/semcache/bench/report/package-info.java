/**
 * Output shared by the {@code semcache-bench} commands: progress on stderr, JSON, Markdown tables and PNG charts.
 */
@NullMarked
package dev.semcache.bench.report;

import org.jspecify.annotations.NullMarked;
