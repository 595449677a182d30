package org.doseledger.api.generator;

import java.time.Instant;

/**
 * What practice history to generate. The same settings (seed and end included) always give the same
 * facts in the same order.
 *
 * @param seed seeds every choice the generator makes
 * @param practiceIdPrefix practices are named {@code <prefix>-1}, {@code <prefix>-2}...
 * @param practices how many practices
 * @param practitioners practitioners per practice, at least 4: a prescriber, a therapist and nurses
 * @param clients clients per practice; they start their course at staggered dates in the first half
 * @param months how long the history runs, ending at {@code end}
 * @param sessionsPerWeek dosing sessions per practice and week, at most one per client and week
 * @param imShare the route mix: the share of clients dosed IM; the others are dosed IV
 * @param lateEntryRate share of dosing sessions whose stock entries are entered a day late
 * @param correctionRate share of dosing sessions whose waste is entered short and then corrected
 * @param discrepancyRate share of weekly counts that find a difference
 * @param end when the history ends; facts occur before it
 */
public record GeneratorSettings(
        long seed,
        String practiceIdPrefix,
        int practices,
        int practitioners,
        int clients,
        int months,
        int sessionsPerWeek,
        double imShare,
        double lateEntryRate,
        double correctionRate,
        double discrepancyRate,
        Instant end) {

    public GeneratorSettings {
        if (practices < 1 || clients < 1 || months < 1 || sessionsPerWeek < 1) {
            throw new IllegalArgumentException("practices, clients, months and sessionsPerWeek must be at least 1");
        }
        if (practitioners < 4) {
            throw new IllegalArgumentException(
                    "a practice needs at least 4 practitioners (a prescriber, a therapist, two nurses), not "
                            + practitioners);
        }
        for (double rate : new double[] {imShare, lateEntryRate, correctionRate, discrepancyRate}) {
            if (rate < 0 || rate > 1) {
                throw new IllegalArgumentException("shares and rates are between 0 and 1, not " + rate);
            }
        }
    }

    /** The small practice {@code --demo} loads: 4 practitioners, 8 clients, 2 months of weekly sessions. */
    public static GeneratorSettings demo(Instant end) {
        return new GeneratorSettings(20_240_101L, "demo", 1, 4, 8, 2, 6, 0.75, 0.02, 0.05, 0.15, end);
    }

    public GeneratorSettings withEnd(Instant newEnd) {
        return new GeneratorSettings(
                seed,
                practiceIdPrefix,
                practices,
                practitioners,
                clients,
                months,
                sessionsPerWeek,
                imShare,
                lateEntryRate,
                correctionRate,
                discrepancyRate,
                newEnd);
    }
}
