package org.doseledger.projections.export;

/**
 * Where a person signs a printed report, as 21 CFR 11.50 asks of a signed record: the printed name of
 * the signer, the date and time, and the meaning of the signature. The PDF prints a line for each; the
 * ledger fills in nothing it does not know.
 *
 * @param meaning what signing means here, e.g. "I certify that this inventory was taken at the opening of
 *     business on the date above and is complete and accurate"
 * @param signers how many signature lines (two for a Form 41 destruction: the two witnesses)
 */
public record SignatureBlock(String meaning, int signers) {}
