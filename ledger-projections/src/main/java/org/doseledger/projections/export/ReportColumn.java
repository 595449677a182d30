package org.doseledger.projections.export;

/**
 * One column of a report.
 *
 * @param key the machine name: the CSV header and the JSON property, e.g. {@code administeredAt}
 * @param label the printed heading of the PDF, e.g. "Administered at"
 * @param width the column's relative width in the PDF (1 = narrow, 3 = wide)
 * @param printed whether the PDF shows it: ids and positions that serve machines and cross-checks stay in
 *     the CSV and JSON, so that the printed record keeps a readable width
 */
public record ReportColumn(String key, String label, int width, boolean printed) {

    public ReportColumn(String key, String label, int width) {
        this(key, label, width, true);
    }

    public ReportColumn(String key, String label) {
        this(key, label, 1);
    }

    /** The same column, kept out of the PDF. */
    public ReportColumn unprinted() {
        return new ReportColumn(key, label, width, false);
    }
}
