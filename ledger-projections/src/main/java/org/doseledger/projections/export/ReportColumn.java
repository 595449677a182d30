package org.doseledger.projections.export;

/**
 * One column of a report.
 *
 * @param key the machine name: the CSV header and the JSON property, e.g. {@code administeredAt}
 * @param label the printed heading of the PDF, e.g. "Administered at"
 * @param width the column's relative width in the PDF (1 = narrow, 3 = wide)
 */
public record ReportColumn(String key, String label, int width) {

    public ReportColumn(String key, String label) {
        this(key, label, 1);
    }
}
