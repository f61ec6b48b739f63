package dev.semcache.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class LoadReportTest {

    private static PhaseResult phase(String name, String outcome, long wallMillis, long... millis) {
        PhaseResult result = new PhaseResult(name);
        for (long m : millis) {
            result.record(outcome, m * 1_000_000, -1);
        }
        result.wallNanos(wallMillis * 1_000_000);
        return result;
    }

    @Test
    void overhead_serviceMinusDirect_comparesQuantilesAndMeans() {
        PhaseResult direct = phase("upstream-direct", LoadDriver.DIRECT, 1000, 10, 10, 10, 10, 20);
        PhaseResult service = phase("service", LoadReport.MISS, 1000, 12, 13, 14, 15, 30);
        service.merge(phase("service", LoadReport.HIT, 1000, 1, 1, 2, 2, 3));

        LoadReport report = new LoadReport(Map.of(), direct, service, null, null);

        Overhead miss = report.overhead(LoadReport.MISS, false);
        assertThat(miss.p50Millis()).isEqualTo(4.0);
        assertThat(miss.p99Millis()).isEqualTo(10.0);
        assertThat(miss.meanMillis()).isCloseTo(16.8 - 12.0, within(1e-9));
        Overhead hit = report.overhead(LoadReport.HIT, false);
        assertThat(hit.p50Millis()).isEqualTo(-8.0);
        assertThat(report.overhead(LoadReport.HIT, true)).isEqualTo(new Overhead(0, 0, 0, 0));
    }

    @Test
    void throughput_completedOverWallTime_ignoresErrors() {
        PhaseResult result = phase("service", LoadReport.HIT, 2000, 1, 2, 3, 4);
        result.error("HTTP 502");

        assertThat(result.completed()).isEqualTo(4);
        assertThat(result.failed()).isEqualTo(1);
        assertThat(result.throughput()).isEqualTo(2.0);
        assertThat(new PhaseResult("empty").throughput()).isZero();
    }

    @Test
    void overhead_missingSide_isZero() {
        PhaseResult direct = phase("upstream-direct", LoadDriver.DIRECT, 1000);
        PhaseResult service = phase("service", LoadReport.MISS, 1000, 5);

        assertThat(Overhead.of(service.samples(LoadReport.MISS), direct.samples(LoadDriver.DIRECT)))
                .isEqualTo(new Overhead(0, 0, 0, 0));
    }

    @Test
    void toJson_streams_includeFirstByteOverheadsAndPhases() {
        PhaseResult direct = phase("upstream-direct", LoadDriver.DIRECT, 1000, 10);
        PhaseResult service = phase("service", LoadReport.HIT, 1000, 2);
        PhaseResult directStream = new PhaseResult("upstream-direct-stream");
        directStream.record(LoadDriver.DIRECT, 20_000_000, 5_000_000);
        directStream.wallNanos(1_000_000_000);
        PhaseResult serviceStream = new PhaseResult("service-stream");
        serviceStream.record(LoadReport.MISS, 26_000_000, 8_000_000);
        serviceStream.wallNanos(1_000_000_000);

        LoadReport report = new LoadReport(Map.of("concurrency", 1), direct, service, directStream, serviceStream);
        JsonNode json = report.toJson();

        assertThat(json.get("phases").fieldNames())
                .toIterable()
                .containsExactly("upstream-direct", "service", "upstream-direct-stream", "service-stream");
        assertThat(json.get("overheadMillis").get("missStream").get("p50").asDouble())
                .isEqualTo(6.0);
        assertThat(json.get("overheadMillis")
                        .get("missStreamFirstByte")
                        .get("p50")
                        .asDouble())
                .isEqualTo(3.0);
        assertThat(json.get("phases").get("service").get("throughputPerSecond").asDouble())
                .isEqualTo(1.0);
        assertThat(report.toMarkdown()).contains("| miss, stream, first byte | 3.000 |");
    }
}
