package org.doseledger.api.batch;

/**
 * Request and response examples of the batch endpoint in the OpenAPI document. Annotation values must be
 * compile-time constants, hence strings.
 */
final class BatchExamples {

    private BatchExamples() {}

    /** Request: A client registered and their consent recorded, in one transaction. */
    static final String REQUEST = """
            {
              "items": [
                {
                  "method": "POST",
                  "path": "/clients",
                  "body": {
                    "clientId": "c-1001",
                    "legalName": {"given": "Ada", "family": "Lovelace"},
                    "dateOfBirth": "1985-12-10",
                    "address": {"line1": "12 Elm St", "city": "Springfield", "state": "IL", "postalCode": "62702"},
                    "occurredAt": "2026-11-20T15:00:00Z"
                  }
                },
                {
                  "method": "POST",
                  "path": "/clients/c-1001/consents",
                  "practitionerId": "rn-1",
                  "body": {
                    "document": {"documentId": "KAP-CONSENT", "version": "3", "revisionDate": "2026-01-15"},
                    "signedAt": "2026-11-20T15:10:00Z",
                    "signedBy": "Ada Lovelace",
                    "witnessedBy": "Nurse Joy",
                    "risksAcknowledged": ["dissociation"],
                    "routes": ["IM"],
                    "careModels": ["ADMINISTERED"]
                  }
                }
              ]
            }
            """;

    /** 201: Each item's answer in order, and the ledger positions the batch appended. */
    static final String CREATED = """
            {
              "firstPosition": 8,
              "ledgerPosition": 9,
              "items": [
                {
                  "index": 0,
                  "status": 201,
                  "location": "/api/practices/springfield/clients/c-1001/timeline",
                  "receipt": {
                    "id": "c-1001",
                    "ledgerPosition": 8,
                    "events": [
                      {"eventId": "8c51120d-e364-4a76-b10f-cdcba4bb455b", "eventType": "ClientRegistered",
                       "ledgerPosition": 8}
                    ]
                  }
                },
                {
                  "index": 1,
                  "status": 201,
                  "location": "/api/practices/springfield/clients/c-1001/consents/5b0e7a52-4a8e-4c43-9d7e-2f1f0d6e1a10",
                  "receipt": {
                    "id": "5b0e7a52-4a8e-4c43-9d7e-2f1f0d6e1a10",
                    "ledgerPosition": 9,
                    "events": [
                      {"eventId": "0f7f8a8e-3e0c-4f59-93a5-2b9c5e0d7c11", "eventType": "ConsentSigned",
                       "ledgerPosition": 9}
                    ]
                  }
                }
              ]
            }
            """;

    /** 400 BATCH_ITEM_FAILED: The second item's body was invalid; nothing was written. */
    static final String ITEM_FAILED = """
            {
              "type": "https://doseledger.org/problems/batch-item-failed",
              "title": "Batch item failed",
              "status": 400,
              "detail": "Item 1 (POST /clients/c-1001/consents) was refused with 400 VALIDATION_FAILED; nothing in the batch was written",
              "instance": "/api/practices/springfield/batches",
              "code": "BATCH_ITEM_FAILED",
              "failedItem": 1,
              "item": {
                "type": "https://doseledger.org/problems/validation-failed",
                "title": "Invalid request",
                "status": 400,
                "detail": "signedBy: must not be blank",
                "instance": "/api/practices/springfield/clients/c-1001/consents",
                "code": "VALIDATION_FAILED",
                "errors": [{"field": "signedBy", "message": "must not be blank"}],
                "requestId": "a959a7c4-5aca-438e-9f46-c9206d81846e"
              },
              "requestId": "a959a7c4-5aca-438e-9f46-c9206d81846e"
            }
            """;

    /** 409 BATCH_ITEM_FAILED: A ledger rule refused the third item; the first two were rolled back. */
    static final String ITEM_RULE_VIOLATED = """
            {
              "type": "https://doseledger.org/problems/batch-item-failed",
              "title": "Batch item failed",
              "status": 409,
              "detail": "Item 2 (POST /clients) was refused with 409 CLIENT_ALREADY_EXISTS; nothing in the batch was written",
              "instance": "/api/practices/springfield/batches",
              "code": "BATCH_ITEM_FAILED",
              "failedItem": 2,
              "item": {
                "type": "https://doseledger.org/problems/client-already-exists",
                "title": "Ledger rule violated",
                "status": 409,
                "detail": "A client with id 'c-1001' already exists",
                "instance": "/api/practices/springfield/clients",
                "code": "CLIENT_ALREADY_EXISTS",
                "requestId": "a959a7c4-5aca-438e-9f46-c9206d81846e"
              },
              "requestId": "a959a7c4-5aca-438e-9f46-c9206d81846e"
            }
            """;

    /** 413 BATCH_TOO_LARGE: More items than ledger.batch.max-items. */
    static final String TOO_LARGE = """
            {
              "type": "https://doseledger.org/problems/batch-too-large",
              "title": "Batch too large",
              "status": 413,
              "detail": "The batch holds 101 items; the limit is 100. Split it into smaller batches.",
              "instance": "/api/practices/springfield/batches",
              "code": "BATCH_TOO_LARGE",
              "maxItems": 100,
              "requestId": "a959a7c4-5aca-438e-9f46-c9206d81846e"
            }
            """;

    /** 422 IDEMPOTENCY_KEY_REUSED: The batch's key came with a different batch. */
    static final String KEY_REUSED = """
            {
              "type": "https://doseledger.org/problems/idempotency-key-reused",
              "title": "Idempotency-Key reused",
              "status": 422,
              "detail": "Idempotency-Key 'sync-2026-11-20-tablet-3' was already used for a different request; use a new key for a new write",
              "instance": "/api/practices/springfield/batches",
              "code": "IDEMPOTENCY_KEY_REUSED",
              "requestId": "a959a7c4-5aca-438e-9f46-c9206d81846e"
            }
            """;
}
