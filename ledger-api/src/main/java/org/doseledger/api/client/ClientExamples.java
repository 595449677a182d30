package org.doseledger.api.client;

/**
 * Request and response examples of the client endpoints in the OpenAPI document, as a running ledger
 * answered them. Annotation values must be compile-time constants, hence strings.
 */
final class ClientExamples {

    private ClientExamples() {}

    /** Request: A client with legal name, birth date and address. */
    static final String REGISTER_REQUEST = """
            {
              "clientId": "c-1001",
              "legalName": {"given": "Ada", "family": "Lovelace"},
              "dateOfBirth": "1985-12-10",
              "address": {"line1": "12 Elm St", "city": "Springfield", "state": "IL", "postalCode": "62702"},
              "occurredAt": "2026-11-20T15:00:00Z"
            }
            """;

    /** 201: The receipt: the client id and the appended event. */
    static final String REGISTER_CREATED = """
            {
              "id": "c-1001",
              "ledgerPosition": 8,
              "events": [
                {
                  "eventId": "8c51120d-e364-4a76-b10f-cdcba4bb455b",
                  "eventType": "ClientRegistered",
                  "ledgerPosition": 8
                }
              ]
            }
            """;

    /** 400 VALIDATION_FAILED: No legal name, a birth date in the future. */
    static final String REGISTER_VALIDATION_FAILED = """
            {
              "type": "https://doseledger.org/problems/validation-failed",
              "title": "Invalid request",
              "status": 400,
              "detail": "dateOfBirth: must be a past date; legalName: must not be null",
              "instance": "/api/practices/springfield/clients",
              "code": "VALIDATION_FAILED",
              "errors": [
                {"field": "legalName", "message": "must not be null"},
                {"field": "dateOfBirth", "message": "must be a past date"}
              ],
              "requestId": "a959a7c4-5aca-438e-9f46-c9206d81846e"
            }
            """;

    /** 404 PRACTICE_NOT_FOUND: Unknown practice. */
    static final String REGISTER_PRACTICE_NOT_FOUND = """
            {
              "type": "https://doseledger.org/problems/practice-not-found",
              "title": "Not found",
              "status": 404,
              "detail": "Unknown practice 'shelbyville'",
              "instance": "/api/practices/shelbyville/clients",
              "code": "PRACTICE_NOT_FOUND",
              "requestId": "26d7b3ed-9cd6-4a11-bfb4-967bfdc24da5"
            }
            """;

    /** 409 CLIENT_ALREADY_EXISTS: The client id is taken. */
    static final String REGISTER_CLIENT_ALREADY_EXISTS = """
            {
              "type": "https://doseledger.org/problems/client-already-exists",
              "title": "Ledger rule violated",
              "status": 409,
              "detail": "A client with id 'c-1001' already exists",
              "instance": "/api/practices/springfield/clients",
              "code": "CLIENT_ALREADY_EXISTS",
              "requestId": "2c997743-5626-4512-ba9c-7cb313026c3b"
            }
            """;

    /** Request: The signed KAP consent, version 3. */
    static final String RECORD_CONSENT_REQUEST = """
            {
              "document": {"documentId": "KAP-CONSENT", "version": "3", "revisionDate": "2026-01-15"},
              "signedAt": "2026-11-20T15:30:00Z",
              "signedBy": "Ada Lovelace",
              "witnessedBy": "Nurse Joy",
              "risksAcknowledged": ["dissociation", "elevated blood pressure"],
              "routes": ["IM", "SUBLINGUAL"],
              "careModels": ["ADMINISTERED"]
            }
            """;

    /** 201: The receipt: the consent id and the appended event. */
    static final String RECORD_CONSENT_CREATED = """
            {
              "id": "7e0b409b-48b3-4f88-b466-c9a8a0708c00",
              "ledgerPosition": 10,
              "events": [
                {
                  "eventId": "97b027e3-ef5a-4217-adb8-d8ec3eb68be1",
                  "eventType": "ConsentSigned",
                  "ledgerPosition": 10
                }
              ]
            }
            """;

    /** 400 VALIDATION_FAILED: No routes, no signer. */
    static final String RECORD_CONSENT_VALIDATION_FAILED = """
            {
              "type": "https://doseledger.org/problems/validation-failed",
              "title": "Invalid request",
              "status": 400,
              "detail": "routes: must not be empty; signedBy: must not be blank",
              "instance": "/api/practices/springfield/clients/c-1001/consents",
              "code": "VALIDATION_FAILED",
              "errors": [
                {"field": "signedBy", "message": "must not be blank"},
                {"field": "routes", "message": "must not be empty"}
              ],
              "requestId": "3428d654-a866-4d06-87a1-02298834c2ca"
            }
            """;

    /** 404 CLIENT_NOT_FOUND: Unknown client. */
    static final String RECORD_CONSENT_CLIENT_NOT_FOUND = """
            {
              "type": "https://doseledger.org/problems/client-not-found",
              "title": "Not found",
              "status": 404,
              "detail": "Unknown client 'c-9999'",
              "instance": "/api/practices/springfield/clients/c-9999/consents",
              "code": "CLIENT_NOT_FOUND",
              "requestId": "cd2b8342-a8ce-4a46-83a2-5072d80654a4"
            }
            """;

    /** 409 CONSENT_EXPIRES_BEFORE_SIGNING: expiresAt is before signedAt. */
    static final String RECORD_CONSENT_CONSENT_EXPIRES_BEFORE_SIGNING = """
            {
              "type": "https://doseledger.org/problems/consent-expires-before-signing",
              "title": "Ledger rule violated",
              "status": 409,
              "detail": "Consent 97638b7b-6dfa-4e14-9691-6f42b0948d53 expires at 2026-11-01T00:00:00Z, not after it was signed at 2026-11-20T15:30:00Z",
              "instance": "/api/practices/springfield/clients/c-1001/consents",
              "code": "CONSENT_EXPIRES_BEFORE_SIGNING",
              "requestId": "e25fc002-2daf-4f12-b975-79cfd12a3072"
            }
            """;

    /** Request: The client withdrew consent. */
    static final String REVOKE_CONSENT_REQUEST = """
            {
              "effectiveAt": "2026-11-21T09:00:00Z",
              "reason": "Client withdrew consent by phone"
            }
            """;

    /** 201: The receipt: the consent id and the appended event. */
    static final String REVOKE_CONSENT_CREATED = """
            {
              "id": "7e0b409b-48b3-4f88-b466-c9a8a0708c00",
              "ledgerPosition": 11,
              "events": [
                {
                  "eventId": "23447750-f187-47cf-8f11-9e78130ea6a5",
                  "eventType": "ConsentRevoked",
                  "ledgerPosition": 11
                }
              ]
            }
            """;

    /** 400 VALIDATION_FAILED: effectiveAt in the future, no reason. */
    static final String REVOKE_CONSENT_VALIDATION_FAILED = """
            {
              "type": "https://doseledger.org/problems/validation-failed",
              "title": "Invalid request",
              "status": 400,
              "detail": "effectiveAt: must be a date in the past or in the present; reason: must not be blank",
              "instance": "/api/practices/springfield/clients/c-1001/consents/7e0b409b-48b3-4f88-b466-c9a8a0708c00/revocation",
              "code": "VALIDATION_FAILED",
              "errors": [
                {"field": "reason", "message": "must not be blank"},
                {"field": "effectiveAt", "message": "must be a date in the past or in the present"}
              ],
              "requestId": "1d1aefb6-1587-4f68-97f5-920ead5bef9d"
            }
            """;

    /** 404 CONSENT_NOT_FOUND: Unknown consent. */
    static final String REVOKE_CONSENT_CONSENT_NOT_FOUND = """
            {
              "type": "https://doseledger.org/problems/consent-not-found",
              "title": "Not found",
              "status": 404,
              "detail": "Unknown consent '00000000-0000-0000-0000-000000000000'",
              "instance": "/api/practices/springfield/clients/c-1001/consents/00000000-0000-0000-0000-000000000000/revocation",
              "code": "CONSENT_NOT_FOUND",
              "requestId": "d14d2ba3-eb8a-4304-a625-aa932bd6e717"
            }
            """;

    /** 409 CONSENT_ALREADY_REVOKED: The consent is already revoked. */
    static final String REVOKE_CONSENT_CONSENT_ALREADY_REVOKED = """
            {
              "type": "https://doseledger.org/problems/consent-already-revoked",
              "title": "Ledger rule violated",
              "status": 409,
              "detail": "Consent 7e0b409b-48b3-4f88-b466-c9a8a0708c00 was already revoked, effective 2026-11-21T09:00:00Z",
              "instance": "/api/practices/springfield/clients/c-1001/consents/7e0b409b-48b3-4f88-b466-c9a8a0708c00/revocation",
              "code": "CONSENT_ALREADY_REVOKED",
              "requestId": "a660ce6a-e7f7-44bc-8199-a04105c1a632"
            }
            """;

    /** 409 REVOCATION_BEFORE_SIGNING: effectiveAt is before the consent was signed. */
    static final String REVOKE_CONSENT_REVOCATION_BEFORE_SIGNING = """
            {
              "type": "https://doseledger.org/problems/revocation-before-signing",
              "title": "Ledger rule violated",
              "status": 409,
              "detail": "Consent 7e0b409b-48b3-4f88-b466-c9a8a0708c00 cannot be revoked effective 2026-11-19T09:00:00Z: it was signed at 2026-11-20T15:30:00Z",
              "instance": "/api/practices/springfield/clients/c-1001/consents/7e0b409b-48b3-4f88-b466-c9a8a0708c00/revocation",
              "code": "REVOCATION_BEFORE_SIGNING",
              "requestId": "95324f7e-d659-44a1-baa4-5d33108f9a43"
            }
            """;

    /** The client moved. */
    static final String ADDRESS_CHANGE_REQUEST = """
            {"address":{"line1":"9 Oak Ave","line2":"Apt 2","city":"Springfield","state":"IL","postalCode":"62703"},
             "occurredAt":"2026-11-24T10:00:00Z"}
            """;

    /** A weight measured before a dosing session. */
    static final String WEIGHT_REQUEST = """
            {"kilograms":72.4,"measuredBy":"rn-1","occurredAt":"2026-11-24T10:05:00Z"}
            """;

    /** Request: the patient enrolment id the Spravato REMS gave the client. */
    static final String REMS_ENROLMENT_REQUEST = """
            {"enrolmentId":"SPR-PT-0042917","occurredAt":"2026-11-24T10:00:00Z"}
            """;

    /** The client's phone number. */
    static final String CONTACT_REQUEST = """
            {"phone":"+1-217-555-0142","occurredAt":"2026-11-24T10:00:00Z"}
            """;

    /** The receipt of a client fact. */
    static final String CLIENT_FACT_RECORDED = """
            {"id":"c-1001","ledgerPosition":22,"events":[{"eventId":"0d4e8c55-3b7a-4f6e-9d2a-7c1f0b9e3a11",
             "eventType":"ClientWeightRecorded","ledgerPosition":22}]}
            """;

    /** A clearance from the client's primary care physician with a blood-pressure limit. */
    static final String CLEARANCE_REQUEST = """
            {"source":"OUTSIDE_CLINICIAN","clinician":"Dr. Ana Reyes, primary care","clearedAt":"2026-11-10T16:00:00Z",
             "maxSystolicMmHg":150,"maxDiastolicMmHg":95,"conditions":"recheck blood pressure before each dose",
             "expiresAt":"2027-05-10T16:00:00Z"}
            """;

    /** Six IM dosing sessions of 40-90 mg, at least 6 days apart. */
    static final String PLAN_REQUEST = """
            {"terms":{"dosingSessions":6,"preparationSessions":2,"integrationSessions":6,"route":"IM",
              "minDose":40,"maxDose":90,"maxSingleDose":100,"minIntervalDays":6,"doseBasis":"MG"},
             "approvedBy":"md-1","occurredAt":"2026-11-12T16:00:00Z"}
            """;

    /** The plan's range is raised after the third session. */
    static final String PLAN_AMENDMENT_REQUEST = """
            {"terms":{"dosingSessions":6,"preparationSessions":2,"integrationSessions":6,"route":"IM",
              "minDose":50,"maxDose":110,"maxSingleDose":120,"minIntervalDays":6},
             "reason":"tolerance at 60 mg; no adverse events","approvedBy":"md-1","occurredAt":"2026-12-03T16:00:00Z"}
            """;

    /** An integration session the day after dosing. */
    static final String THERAPY_REQUEST = """
            {"kind":"INTEGRATION","therapistId":"th-1","dosingSessionId":"s-2026-11-24-c1001","durationMinutes":50,
             "occurredAt":"2026-11-25T16:00:00Z"}
            """;
}
