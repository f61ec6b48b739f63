package dev.semcache.bench.report;

import static java.util.Objects.requireNonNull;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws the PNG charts of the benchmark reports with XChart, headless (no display needed).
 *
 * @since 0.1.0
 */
public final class Charts {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 560;

    static {
        // Before any AWT class loads: the commands run on servers without a display.
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {}

    /**
     * One line of an XY chart.
     *
     * @param name the legend entry
     * @param x the x values
     * @param y the y values, as many as x
     * @since 0.1.0
     */
    public record Line(String name, List<Double> x, List<Double> y) {
        /** Validates the values. */
        public Line {
            requireNonNull(name, "name");
            x = List.copyOf(x);
            y = List.copyOf(y);
            if (x.size() != y.size()) {
                throw new IllegalArgumentException(
                        "line " + name + " has " + x.size() + " x values but " + y.size() + " y values");
            }
        }
    }

    /**
     * Writes a line chart.
     *
     * @param file the PNG file to write
     * @param title the title
     * @param xTitle the x axis title
     * @param yTitle the y axis title
     * @param lines the lines; each needs at least one point
     * @param yMax the top of the y axis, or {@code null} to fit the data
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void lines(
            Path file,
            String title,
            String xTitle,
            String yTitle,
            List<Line> lines,
            @org.jspecify.annotations.Nullable Double yMax) {
        XYChart chart = new XYChartBuilder()
                .width(WIDTH)
                .height(HEIGHT)
                .title(title)
                .xAxisTitle(xTitle)
                .yAxisTitle(yTitle)
                .build();
        Styler styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setLegendPosition(Styler.LegendPosition.InsideSW);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setYAxisMin(0.0);
        if (yMax != null) {
            chart.getStyler().setYAxisMax(yMax);
        }
        for (Line line : lines) {
            if (line.x().isEmpty()) {
                continue;
            }
            XYSeries series = chart.addSeries(line.name(), line.x(), line.y());
            series.setMarker(line.x().size() <= 60 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        }
        write(file, chart);
    }

    /**
     * Writes a bar chart of counts per bucket, one bar series per entry of {@code series}.
     *
     * @param file the PNG file to write
     * @param title the title
     * @param xTitle the x axis title (the buckets)
     * @param yTitle the y axis title
     * @param buckets the bucket labels
     * @param series the counts per series, each as many as buckets
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void bars(
            Path file,
            String title,
            String xTitle,
            String yTitle,
            List<String> buckets,
            Map<String, List<? extends Number>> series) {
        CategoryChart chart = new CategoryChartBuilder()
                .width(WIDTH)
                .height(HEIGHT)
                .title(title)
                .xAxisTitle(xTitle)
                .yAxisTitle(yTitle)
                .build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setXAxisLabelRotation(45);
        chart.getStyler().setOverlapped(false);
        for (Map.Entry<String, List<? extends Number>> entry : series.entrySet()) {
            chart.addSeries(entry.getKey(), buckets, entry.getValue());
        }
        write(file, chart);
    }

    private static void write(Path file, org.knowm.xchart.internal.chartpart.Chart<?, ?> chart) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write chart " + file + ": " + e.getMessage(), e);
        }
    }
}
