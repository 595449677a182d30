package org.doseledger.core.shared;

import java.util.List;

/** Metadata keys every event carries, copied from the command that caused it. */
public final class LedgerMetadata {

    /** Id of the API credential that sent the command. */
    public static final String CREDENTIAL_ID = "credentialId";
    /** Practitioner acting through the credential, when the client named one. */
    public static final String PRACTITIONER_ID = "practitionerId";
    /** Request id of the HTTP request (also in logs and the response header). */
    public static final String REQUEST_ID = "requestId";
    /** The client's Idempotency-Key for the write. */
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";
    /** Server clock time at which the ledger accepted the write, ISO-8601 UTC. */
    public static final String RECORDED_AT = "recordedAt";

    /**
     * The practice an event belongs to (its {@code practiceId}, or its lot's), added when the event is
     * appended; absent for events of no practice.
     */
    public static final String PRACTICE_ID = "practiceId";
    /**
     * The event's number among its practice's events, 1, 2, 3... without a gap, assigned in the transaction
     * that appends it (docs/events.md, "Metadata"). An export proves it holds every event of its practice
     * up to its own request by this sequence.
     */
    public static final String PRACTICE_SEQUENCE = "practiceSequence";

    /**
     * The event's own global index (ledger position), as a decimal string. Never stored: the event store
     * adds it to the metadata of every event it reads for a streaming read model, which keys rows by it.
     */
    public static final String LEDGER_POSITION = "ledgerPosition";

    /** The keys stored with every event (not {@link #LEDGER_POSITION}). */
    public static final List<String> ALL =
            List.of(CREDENTIAL_ID, PRACTITIONER_ID, REQUEST_ID, IDEMPOTENCY_KEY, RECORDED_AT);

    private LedgerMetadata() {}
}
