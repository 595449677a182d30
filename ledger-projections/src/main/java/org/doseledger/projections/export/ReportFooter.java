package org.doseledger.projections.export;

import java.util.List;

/**
 * What closes a report: totals for people (also kept in the JSON) and, for the records that are signed
 * on paper, the signature block.
 *
 * @param totals lines such as "Doses: 412; ketamine administered: 30,150 mg"
 * @param signature the signature block, or null when the report is not signed
 */
public record ReportFooter(List<String> totals, SignatureBlock signature) {

    public ReportFooter {
        totals = totals == null ? List.of() : List.copyOf(totals);
    }
}
