package org.doseledger.api.timeline;

/**
 * Request and response examples of the client timeline endpoints in the OpenAPI document, as a running ledger
 * answered them. Annotation values must be compile-time constants, hence strings.
 */
final class TimelineExamples {

    private TimelineExamples() {}

    /** 200: Registration, a consent and its revocation. */
    static final String TIMELINE_OK = """
            {
              "practiceId": "springfield",
              "clientId": "c-1001",
              "entries": [
                {
                  "ledgerPosition": 8,
                  "eventId": "8c51120d-e364-4a76-b10f-cdcba4bb455b",
                  "eventType": "ClientRegistered",
                  "occurredAt": "2026-11-20T15:00:00Z",
                  "recordedAt": "2026-11-26T23:08:10.512153Z",
                  "credentialId": "71f44952ddf0551f",
                  "requestId": "e7796f08-12ba-49e1-b0d8-e3ea36347752",
                  "details": {
                    "address": {
                      "city": "Springfield",
                      "line1": "12 Elm St",
                      "line2": null,
                      "state": "IL",
                      "postalCode": "62702"
                    },
                    "clientId": "c-1001",
                    "legalName": {"given": "Ada", "family": "Lovelace", "middle": null},
                    "occurredAt": "2026-11-20T15:00:00Z",
                    "practiceId": "springfield",
                    "dateOfBirth": "1985-12-10"
                  }
                },
                {
                  "ledgerPosition": 10,
                  "eventId": "97b027e3-ef5a-4217-adb8-d8ec3eb68be1",
                  "eventType": "ConsentSigned",
                  "occurredAt": "2026-11-20T15:30:00Z",
                  "recordedAt": "2026-11-26T23:08:10.602097Z",
                  "credentialId": "71f44952ddf0551f",
                  "requestId": "ba324ee7-b0ea-4f9c-9506-c293f6fc0c77",
                  "details": {
                    "routes": ["IM", "SUBLINGUAL"],
                    "clientId": "c-1001",
                    "document": {"version": "3", "documentId": "KAP-CONSENT", "revisionDate": "2026-01-15"},
                    "signedAt": "2026-11-20T15:30:00Z",
                    "signedBy": "Ada Lovelace",
                    "consentId": "7e0b409b-48b3-4f88-b466-c9a8a0708c00",
                    "expiresAt": null,
                    "careModels": ["ADMINISTERED"],
                    "practiceId": "springfield",
                    "witnessedBy": "Nurse Joy",
                    "risksAcknowledged": ["dissociation", "elevated blood pressure"]
                  }
                },
                {
                  "ledgerPosition": 11,
                  "eventId": "23447750-f187-47cf-8f11-9e78130ea6a5",
                  "eventType": "ConsentRevoked",
                  "occurredAt": "2026-11-21T09:00:00Z",
                  "recordedAt": "2026-11-26T23:08:10.762935Z",
                  "credentialId": "71f44952ddf0551f",
                  "requestId": "f3c0ff11-62d5-47af-9397-e39e820fccad",
                  "details": {
                    "reason": "Client withdrew consent by phone",
                    "clientId": "c-1001",
                    "consentId": "7e0b409b-48b3-4f88-b466-c9a8a0708c00",
                    "practiceId": "springfield",
                    "effectiveAt": "2026-11-21T09:00:00Z"
                  }
                }
              ],
              "offset": 0,
              "limit": 100,
              "total": 3
            }
            """;

    /** 400 VALIDATION_FAILED: limit below 1. */
    static final String TIMELINE_VALIDATION_FAILED = """
            {
              "type": "https://doseledger.org/problems/validation-failed",
              "title": "Invalid request",
              "status": 400,
              "detail": "limit: must be greater than or equal to 1",
              "instance": "/api/practices/springfield/clients/c-1001/timeline",
              "code": "VALIDATION_FAILED",
              "errors": [{"field": "limit", "message": "must be greater than or equal to 1"}],
              "requestId": "e8e26bcf-1f1d-4c92-b92f-9d9f997fbb13"
            }
            """;

    /** 404 CLIENT_NOT_FOUND: Unknown client. */
    static final String TIMELINE_CLIENT_NOT_FOUND = """
            {
              "type": "https://doseledger.org/problems/client-not-found",
              "title": "Not found",
              "status": 404,
              "detail": "Unknown client 'c-9999'",
              "instance": "/api/practices/springfield/clients/c-9999/timeline",
              "code": "CLIENT_NOT_FOUND",
              "requestId": "f7a3c783-dce4-4f37-bfbf-7e57e53ba51b"
            }
            """;

    /** 200: A revoked consent. */
    static final String CONSENT_OK = """
            {
              "consentId": "7e0b409b-48b3-4f88-b466-c9a8a0708c00",
              "clientId": "c-1001",
              "status": "REVOKED",
              "history": [
                {
                  "ledgerPosition": 10,
                  "eventId": "97b027e3-ef5a-4217-adb8-d8ec3eb68be1",
                  "eventType": "ConsentSigned",
                  "occurredAt": "2026-11-20T15:30:00Z",
                  "recordedAt": "2026-11-26T23:08:10.602097Z",
                  "credentialId": "71f44952ddf0551f",
                  "requestId": "ba324ee7-b0ea-4f9c-9506-c293f6fc0c77",
                  "details": {
                    "routes": ["IM", "SUBLINGUAL"],
                    "clientId": "c-1001",
                    "document": {"version": "3", "documentId": "KAP-CONSENT", "revisionDate": "2026-01-15"},
                    "signedAt": "2026-11-20T15:30:00Z",
                    "signedBy": "Ada Lovelace",
                    "consentId": "7e0b409b-48b3-4f88-b466-c9a8a0708c00",
                    "expiresAt": null,
                    "careModels": ["ADMINISTERED"],
                    "practiceId": "springfield",
                    "witnessedBy": "Nurse Joy",
                    "risksAcknowledged": ["dissociation", "elevated blood pressure"]
                  }
                },
                {
                  "ledgerPosition": 11,
                  "eventId": "23447750-f187-47cf-8f11-9e78130ea6a5",
                  "eventType": "ConsentRevoked",
                  "occurredAt": "2026-11-21T09:00:00Z",
                  "recordedAt": "2026-11-26T23:08:10.762935Z",
                  "credentialId": "71f44952ddf0551f",
                  "requestId": "f3c0ff11-62d5-47af-9397-e39e820fccad",
                  "details": {
                    "reason": "Client withdrew consent by phone",
                    "clientId": "c-1001",
                    "consentId": "7e0b409b-48b3-4f88-b466-c9a8a0708c00",
                    "practiceId": "springfield",
                    "effectiveAt": "2026-11-21T09:00:00Z"
                  }
                }
              ]
            }
            """;

    /** 400 VALIDATION_FAILED: consentId with characters ids never have. */
    static final String CONSENT_VALIDATION_FAILED = """
            {
              "type": "https://doseledger.org/problems/validation-failed",
              "title": "Invalid request",
              "status": 400,
              "detail": "consentId: must match \\"[A-Za-z0-9-]{1,64}\\"",
              "instance": "/api/practices/springfield/clients/c-1001/consents/not_a_consent",
              "code": "VALIDATION_FAILED",
              "errors": [{"field": "consentId", "message": "must match \\"[A-Za-z0-9-]{1,64}\\""}],
              "requestId": "745e9554-e823-4271-bfe2-aaf7eb0eb5b8"
            }
            """;

    /** 404 CONSENT_NOT_FOUND: Unknown consent. */
    static final String CONSENT_CONSENT_NOT_FOUND = """
            {
              "type": "https://doseledger.org/problems/consent-not-found",
              "title": "Not found",
              "status": 404,
              "detail": "Unknown consent '00000000-0000-0000-0000-000000000000'",
              "instance": "/api/practices/springfield/clients/c-1001/consents/00000000-0000-0000-0000-000000000000",
              "code": "CONSENT_NOT_FOUND",
              "requestId": "9f73e56a-29f1-4c43-8df0-390a546e2934"
            }
            """;
}
