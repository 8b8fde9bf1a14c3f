package org.cpr.assessment;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.TexturePaint;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.List;

import javax.imageio.ImageIO;

/**
 * One stacked horizontal bar per group showing its band distribution (each bar is 100 %, split in
 * the table's band order), rendered on the server as a PNG data URI. Readable without colour: every
 * band has its own pattern (repeated in the legend) and each segment wide enough carries its count
 * on a white label; the page's table holds every figure as text.
 * <p>
 * Drawn with Java 2D rather than XChart (used for the trend chart): XChart 4's horizontal bar chart
 * only groups bars side by side and fills them with plain colours, it cannot stack them or hatch them.
 * The caller passes only figures the disclosure gate released.
 */
final class BandChart {

    /** One bar: the group's label and its count per band, in band order. */
    public record Bar(String label, List<Long> counts) {
    }

    private static final int WIDTH = 640;
    private static final int ROW = 34;
    private static final int BAR = 24;
    private static final int PAD = 12;
    private static final Color INK = new Color(0x1b, 0x1f, 0x24);
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);

    private BandChart() {
    }

    /** The image's height in pixels for this many bars and bands (one row per bar, the legend three bands a row). */
    public static int height(int bars, int bands) {
        return PAD + bars * ROW + PAD + (bands + 2) / 3 * 24 + PAD;
    }

    public static String png(List<String> bands, List<Bar> bars) {
        int height = height(bars.size(), bands.size());
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, height);
            g.setFont(FONT);
            FontMetrics fm = g.getFontMetrics();
            int labelWidth = Math.min(WIDTH * 2 / 5, bars.stream().mapToInt(b -> fm.stringWidth(b.label())).max().orElse(0));
            int x0 = PAD + labelWidth + PAD;
            int barWidth = WIDTH - x0 - PAD;
            for (int row = 0; row < bars.size(); row++) {
                Bar bar = bars.get(row);
                int y = PAD + row * ROW;
                g.setColor(INK);
                g.drawString(fit(bar.label(), labelWidth, fm), PAD, y + BAR / 2 + fm.getAscent() / 2 - 1);
                drawBar(g, fm, bar.counts(), x0, y, barWidth);
            }
            drawLegend(g, fm, bands, PAD + bars.size() * ROW + PAD);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new IllegalStateException("chart rendering failed", e);
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
    }

    private static void drawBar(Graphics2D g, FontMetrics fm, List<Long> counts, int x0, int y, int width) {
        long total = counts.stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return;
        }
        long before = 0;
        for (int band = 0; band < counts.size(); band++) {
            long n = counts.get(band);
            int left = x0 + (int) Math.round(width * (double) before / total);
            before += n;
            int right = x0 + (int) Math.round(width * (double) before / total);
            if (n == 0 || right <= left) {
                continue;
            }
            g.setPaint(pattern(band));
            g.fillRect(left, y, right - left, BAR);
            g.setColor(INK);
            g.setStroke(new BasicStroke(1f));
            g.drawRect(left, y, right - left, BAR);
            String value = Long.toString(n);
            int textWidth = fm.stringWidth(value);
            if (textWidth + 8 <= right - left) {
                int cx = (left + right) / 2;
                g.setColor(Color.WHITE);
                g.fillRect(cx - textWidth / 2 - 3, y + 4, textWidth + 6, BAR - 8);
                g.setColor(INK);
                g.drawString(value, cx - textWidth / 2, y + BAR / 2 + fm.getAscent() / 2 - 2);
            }
        }
    }

    private static void drawLegend(Graphics2D g, FontMetrics fm, List<String> bands, int top) {
        int column = (WIDTH - 2 * PAD) / 3;
        for (int band = 0; band < bands.size(); band++) {
            int x = PAD + (band % 3) * column;
            int y = top + (band / 3) * 24;
            g.setPaint(pattern(band));
            g.fillRect(x, y, 28, 16);
            g.setColor(INK);
            g.drawRect(x, y, 28, 16);
            g.drawString(fit(bands.get(band), column - 40, fm), x + 36, y + 8 + fm.getAscent() / 2 - 1);
        }
    }

    /** A distinct fill per band: a shade of blue (lightest first) with its own line or dot pattern. */
    static TexturePaint pattern(int band) {
        Color[] shades = {new Color(0xdc, 0xe9, 0xf7), new Color(0xa9, 0xc8, 0xea), new Color(0x6f, 0xa1, 0xd6),
                          new Color(0x3a, 0x78, 0xb8), new Color(0x0b, 0x53, 0x94)};
        int tile = 8;
        BufferedImage texture = new BufferedImage(tile, tile, BufferedImage.TYPE_INT_RGB);
        Graphics2D t = texture.createGraphics();
        try {
            Color shade = shades[band % shades.length];
            t.setColor(shade);
            t.fillRect(0, 0, tile, tile);
            t.setColor(shade.getRed() < 0x80 ? Color.WHITE : INK);
            switch (band % 6) {
                case 0 -> { } // plain: the lightest shade
                case 1 -> t.drawLine(0, tile - 1, tile - 1, 0); // diagonal ////
                case 2 -> t.fillRect(3, 3, 2, 2); // dots
                case 3 -> t.drawLine(0, 3, tile - 1, 3); // horizontal lines
                case 4 -> { // cross-hatch
                    t.drawLine(0, 0, tile - 1, tile - 1);
                    t.drawLine(0, tile - 1, tile - 1, 0);
                }
                default -> t.drawLine(3, 0, 3, tile - 1); // vertical lines
            }
        } finally {
            t.dispose();
        }
        return new TexturePaint(texture, new Rectangle(0, 0, tile, tile));
    }

    private static String fit(String text, int width, FontMetrics fm) {
        if (fm.stringWidth(text) <= width) {
            return text;
        }
        String cut = text;
        while (!cut.isEmpty() && fm.stringWidth(cut + "…") > width) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "…";
    }
}
