package org.doseledger.api.console;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.doseledger.projections.consistency.DoseStatsView;
import org.doseledger.projections.consistency.OutlierView;
import org.doseledger.projections.consistency.PractitionerDosesView;
import org.doseledger.projections.consistency.RouteDistributionView;

/**
 * Box plots of one substance and route, drawn by the page as SVG with no script: the whole practice and each
 * practitioner on one mg axis (whiskers from the smallest to the largest dose, the box from Q1 to Q3, a line at
 * the median), the outliers as dots on their practitioner's row, and the Tukey fences as dashed lines. The
 * coordinates are the page's: x in 0..{@value #WIDTH}, one row of {@value #ROW} per box.
 */
record ConsoleBoxPlot(
        int height, String label, List<Row> rows, Double lowerFence, Double upperFence, List<Tick> ticks) {

    static final int WIDTH = 640;
    static final int ROW = 32;
    private static final double LEFT = 170;
    private static final double RIGHT = WIDTH - 20;

    /** One box: its row's middle (y) and the x of each figure. */
    record Row(
            String label, int y, double min, double q1, double median, double q3, double max, List<Double> outliers) {}

    /** A labelled point of the mg axis. */
    record Tick(double x, String text) {}

    static ConsoleBoxPlot of(RouteDistributionView group) {
        List<DoseStatsView> all = new ArrayList<>();
        all.add(group.practice());
        group.practitioners().forEach(practitioner -> all.add(practitioner.doses()));
        // the axis's ends are labelled with the doses as recorded; doubles serve only as pixel positions
        BigDecimal lowest = all.stream()
                .map(DoseStatsView::minMilligrams)
                .filter(java.util.Objects::nonNull)
                .min(BigDecimal::compareTo)
                .orElse(BigDecimal.ZERO);
        BigDecimal highest = all.stream()
                .map(DoseStatsView::maxMilligrams)
                .filter(java.util.Objects::nonNull)
                .max(BigDecimal::compareTo)
                .orElse(BigDecimal.ZERO);
        double lo = lowest.doubleValue();
        double hi = highest.doubleValue();
        Scale scale = new Scale(lo, hi);
        List<Row> rows = new ArrayList<>();
        rows.add(row("Whole practice", 1, group.practice(), group.outliers(), null, scale));
        int index = 2;
        for (PractitionerDosesView practitioner : group.practitioners()) {
            rows.add(row(
                    practitioner.practitionerId(),
                    index++,
                    practitioner.doses(),
                    group.outliers(),
                    practitioner.practitionerId(),
                    scale));
        }
        int height = (rows.size() + 1) * ROW + 10;
        return new ConsoleBoxPlot(
                height,
                group.substance() + " " + group.route() + ": administered mg per session, per practitioner, from "
                        + lowest.toPlainString() + " to " + highest.toPlainString()
                        + " mg; the same figures are in the table below",
                rows,
                fence(group.lowerFence(), scale),
                fence(group.upperFence(), scale),
                List.of(
                        new Tick(scale.x(lo), lowest.toPlainString() + " mg"),
                        new Tick(scale.x(hi), highest.toPlainString() + " mg")));
    }

    private static Row row(
            String label,
            int index,
            DoseStatsView stats,
            List<OutlierView> outliers,
            String practitionerId,
            Scale scale) {
        List<Double> dots = outliers.stream()
                .filter(outlier -> practitionerId == null || practitionerId.equals(outlier.practitionerId()))
                .map(outlier -> scale.x(value(outlier.administeredMilligrams())))
                .toList();
        return new Row(
                label,
                index * ROW,
                scale.x(value(stats.minMilligrams())),
                scale.x(value(stats.q1Milligrams())),
                scale.x(value(stats.medianMilligrams())),
                scale.x(value(stats.q3Milligrams())),
                scale.x(value(stats.maxMilligrams())),
                dots);
    }

    /** A fence's x, where it falls on the axis; none where it lies beyond every dose. */
    private static Double fence(BigDecimal fence, Scale scale) {
        if (fence == null || value(fence) < scale.lo || value(fence) > scale.hi) {
            return null;
        }
        return scale.x(value(fence));
    }

    private static double value(BigDecimal mg) {
        return mg == null ? 0 : mg.doubleValue();
    }

    private record Scale(double lo, double hi) {
        double x(double mg) {
            if (hi <= lo) {
                return (LEFT + RIGHT) / 2;
            }
            return Math.round((LEFT + (mg - lo) / (hi - lo) * (RIGHT - LEFT)) * 10) / 10.0;
        }
    }
}
