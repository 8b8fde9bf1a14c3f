package org.cpr.assessment.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A person's own trend for one instrument, rendered on the server (XChart, PNG data URI). Readable
 * without colour: every take is a labelled marker on a solid line, and the page shows the same
 * numbers in a table beside it.
 */
public final class TrendChart {

    /** One point: when, and the score. */
    public record Point(Date when, double score) {
    }

    private TrendChart() {
    }

    public static String png(String title, String yLabel, List<Point> points) {
        XYChart chart = new XYChartBuilder().width(560).height(260).title(title).xAxisTitle("").yAxisTitle(yLabel).build();
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
        try {
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(
                    BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
        } catch (IOException e) {
            throw new IllegalStateException("chart rendering failed", e);
        }
    }
}
