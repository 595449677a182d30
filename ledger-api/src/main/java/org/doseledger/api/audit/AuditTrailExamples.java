package org.doseledger.api.audit;

/**
 * Response examples of the audit-trail endpoint in the OpenAPI document, as a running ledger answered
 * them. Annotation values must be compile-time constants, hence strings.
 */
final class AuditTrailExamples {

    private AuditTrailExamples() {}

    /** 200: the draws of one practitioner. */
    static final String PAGE_OK = """
            {
              "practiceId": "springfield",
              "entries": [
                {
                  "ledgerPosition": 41,
                  "eventId": "5b0f7c57-7d0c-4a8e-9a55-1d2c8f6c2f10",
                  "eventType": "DoseDrawn",
                  "aggregateType": "StockLot",
                  "aggregateId": "lot:springfield:safe-1:42023-0113-10:K2611",
                  "sequenceNumber": 3,
                  "occurredAt": "2026-11-20T15:30:00Z",
                  "recordedAt": "2026-11-20T15:30:02.118Z",
                  "clientId": "c-1001",
                  "locationId": "safe-1",
                  "substance": "KETAMINE",
                  "practitioners": ["rn-1"],
                  "credentialId": "71f44952ddf0551f",
                  "requestId": "e7796f08-12ba-49e1-b0d8-e3ea36347752",
                  "idempotencyKey": "draw-2026-11-20-c-1001",
                  "payload": {
                    "balanceAfter": {"amount": 48.5, "unit": "ML"},
                    "clientId": "c-1001",
                    "drawId": "draw-1",
                    "drawnBy": "rn-1",
                    "lateEntry": null,
                    "lot": {"locationId": "safe-1", "lotNumber": "K2611", "ndc": "42023-0113-10",
                            "practiceId": "springfield"},
                    "milligrams": 75,
                    "occurredAt": "2026-11-20T15:30:00Z",
                    "quantity": {"amount": 1.5, "unit": "ML"},
                    "sessionId": "s-1",
                    "witnessedBy": null
                  },
                  "metadata": {
                    "credentialId": "71f44952ddf0551f",
                    "idempotencyKey": "draw-2026-11-20-c-1001",
                    "practitionerId": "rn-1",
                    "recordedAt": "2026-11-20T15:30:02.118Z",
                    "requestId": "e7796f08-12ba-49e1-b0d8-e3ea36347752"
                  },
                  "hash": "5d0c1f7e2b9a48c3d6e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9",
                  "previousHash": "a1b2c3d4e5f60718293a4b5c6d7e8f90112233445566778899aabbccddeeff00",
                  "verified": true
                }
              ],
              "limit": 1,
              "nextAfterPosition": 41
            }
            """;

    /** 200 as text/csv: the same event. */
    static final String CSV_OK = """
            ledgerPosition,eventId,eventType,occurredAt,recordedAt,aggregateId,sequenceNumber,clientId,locationId,\
            substance,practitioners,credentialId,requestId,idempotencyKey,payload,metadata,hash,previousHash,verified
            41,5b0f7c57-7d0c-4a8e-9a55-1d2c8f6c2f10,DoseDrawn,2026-11-20T15:30:00Z,2026-11-20T15:30:02.118Z,\
            lot:springfield:safe-1:42023-0113-10:K2611,3,c-1001,safe-1,KETAMINE,rn-1,71f44952ddf0551f,\
            e7796f08-12ba-49e1-b0d8-e3ea36347752,draw-2026-11-20-c-1001,"{""balanceAfter"":{""amount"":48.5,...}}",\
            "{""credentialId"":""71f44952ddf0551f"",...}",5d0c1f7e...,a1b2c3d4...,true
            """;

    /** 400: a timestamp that is not one. */
    static final String VALIDATION_FAILED = """
            {
              "type": "https://doseledger.org/problems/validation-failed",
              "title": "Invalid request",
              "status": 400,
              "detail": "occurredFrom: has value 'yesterday'; expected timestamp with offset (ISO 8601, e.g. 2026-11-02T15:04:05Z)",
              "instance": "/api/practices/springfield/audit-trail",
              "code": "VALIDATION_FAILED",
              "errors": [
                {
                  "field": "occurredFrom",
                  "message": "has value 'yesterday'; expected timestamp with offset (ISO 8601, e.g. 2026-11-02T15:04:05Z)"
                }
              ],
              "requestId": "0f6b1a4e-7d2b-4c55-8f39-2a1c9e7b5d21"
            }
            """;
}
