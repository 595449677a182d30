package org.doseledger.api.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Collection;
import org.doseledger.api.integrity.LedgerEvidence;

/**
 * What a bundle takes from the ledger to prove its records: the signed tree checkpoint covering them, the
 * stored events they were built from with their inclusion proofs, and the signature of the manifest.
 * {@link LedgerEvidence} in the service.
 */
interface ExportEvidence {

    LedgerEvidence.TreeNote covering(long position);

    long write(
            Collection<Long> positions,
            boolean wholeStreams,
            String practiceId,
            long upTo,
            long treeSize,
            OutputStream events,
            OutputStream proofs)
            throws IOException;

    String signManifest(String exportId, String manifestSha256);

    /** The consistency proofs from the trees of the practice's earlier bundles to this one's. */
    long writeConsistency(String practiceId, long treeSize, OutputStream out) throws IOException;

    static ExportEvidence of(LedgerEvidence ledger) {
        return new ExportEvidence() {
            @Override
            public LedgerEvidence.TreeNote covering(long position) {
                return ledger.covering(position);
            }

            @Override
            public long write(
                    Collection<Long> positions,
                    boolean wholeStreams,
                    String practiceId,
                    long upTo,
                    long treeSize,
                    OutputStream events,
                    OutputStream proofs)
                    throws IOException {
                return ledger.write(positions, wholeStreams, practiceId, upTo, treeSize, events, proofs);
            }

            @Override
            public String signManifest(String exportId, String manifestSha256) {
                return ledger.signManifest(exportId, manifestSha256);
            }

            @Override
            public long writeConsistency(String practiceId, long treeSize, OutputStream out) throws IOException {
                return ledger.writeConsistency(practiceId, treeSize, out);
            }
        };
    }
}
