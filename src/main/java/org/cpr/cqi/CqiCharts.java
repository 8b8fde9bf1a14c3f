package org.cpr.cqi;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/** Bar charts as PNG data URIs (XChart), for the report page and its PDF; each has a table beside it. */
final class CqiCharts {

    private CqiCharts() {
    }

    static String bars(String title, Map<String, Integer> values) {
        CategoryChart chart = new CategoryChartBuilder().width(640).height(320).title(title).build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setSeriesColors(new java.awt.Color[] {new java.awt.Color(0x0b, 0x53, 0x94)});
        chart.getStyler().setDecimalPattern("#");
        chart.getStyler().setXAxisLabelRotation(30);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        List<String> labels = new ArrayList<>(values.keySet());
        List<Integer> counts = labels.stream().map(values::get).toList();
        chart.addSeries("items", labels, counts);
        try {
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(
                    BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
        } catch (IOException e) {
            throw new IllegalStateException("chart rendering failed", e);
        }
    }
}
