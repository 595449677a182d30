package org.doseledger.projections.export;

/**
 * One column of a report.
 *
 * @param key the machine name: the CSV header and the JSON property, e.g. {@code administeredAt}
 * @param label the printed heading of the PDF, e.g. "Administered at"
 * @param width the column's relative width in the PDF (1 = narrow, 3 = wide)
 * @param printed whether the PDF shows it: ids and positions that serve machines and cross-checks stay in
 *     the CSV and JSON, so that the printed record keeps a readable width
 * @param unitColumn for a quantity, the key of the column that holds its unit ({@code ML}, {@code EACH},
 *     {@code DEVICE}): the PDF prints the amount with its unit ("2.4 mL", "5 troches"); null otherwise
 * @param fixedUnit for an amount always in one unit (e.g. "mg"), that unit, printed after it; null otherwise
 */
public record ReportColumn(String key, String label, int width, boolean printed, String unitColumn, String fixedUnit) {

    public ReportColumn(String key, String label, int width, boolean printed) {
        this(key, label, width, printed, null, null);
    }

    public ReportColumn(String key, String label, int width) {
        this(key, label, width, true);
    }

    public ReportColumn(String key, String label) {
        this(key, label, 1);
    }

    /** The same column, kept out of the PDF. */
    public ReportColumn unprinted() {
        return new ReportColumn(key, label, width, false, unitColumn, fixedUnit);
    }

    /** The same column, printed with the unit the column {@code unitKey} holds for the row. */
    public ReportColumn withUnitFrom(String unitKey) {
        return new ReportColumn(key, label, width, printed, unitKey, null);
    }

    /** The same column, printed with a fixed unit such as "mg". */
    public ReportColumn inUnit(String unit) {
        return new ReportColumn(key, label, width, printed, null, unit);
    }
}
