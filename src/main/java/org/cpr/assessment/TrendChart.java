package org.cpr.assessment;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import javax.imageio.ImageIO;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A person's own trend for one instrument, rendered on the server (XChart, greyscale PNG data URI). Readable
 * without colour: every take is a labelled marker on a solid line, and the page shows the same
 * numbers in a table beside it.
 */
final class TrendChart {

    /** One point: when, and the score. */
    public record Point(Date when, double score) {
    }

    private static final int WIDTH = 560;
    private static final int HEIGHT = 260;

    private TrendChart() {
    }

    public static String png(String title, String yLabel, List<Point> points) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle("").yAxisTitle(yLabel).build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setDatePattern("yyyy-MM-dd");
        chart.getStyler().setMarkerSize(10);
        chart.getStyler().setDecimalPattern("#0.##");
        List<Date> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        points.forEach(p -> {
            x.add(p.when());
            y.add(p.score());
        });
        if (x.size() == 1) {
            // a single take still draws as one labelled marker
            x.add(new Date(x.get(0).getTime() + 1));
            y.add(y.get(0));
        }
        XYSeries series = chart.addSeries(title, x, y);
        series.setMarker(SeriesMarkers.DIAMOND);
        series.setMarkerColor(new Color(0x0b, 0x53, 0x94));
        series.setLineColor(new Color(0x1b, 0x1f, 0x24));
        series.setLineStyle(new BasicStroke(2f));
        // Painted in greyscale: the chart carries no meaning in colour (markers, line and the table beside it
        // do), and an 8-bit grey PNG is half the size and encodes in less than half the time of a 32-bit one
        // (a results page draws one chart per instrument; see docs/benchmarks.md).
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            chart.paint(g, WIDTH, HEIGHT);
        } finally {
            g.dispose();
        }
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream(16_384);
            ImageIO.write(image, "png", png);
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("chart rendering failed", e);
        }
    }
}
