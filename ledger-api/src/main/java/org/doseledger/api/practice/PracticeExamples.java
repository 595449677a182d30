package org.doseledger.api.practice;

/**
 * Request and response examples of the practice endpoints in the OpenAPI document, as a running ledger
 * answered them. Annotation values must be compile-time constants, hence strings.
 */
final class PracticeExamples {

    private PracticeExamples() {}

    /** Request: A practice with its DEA registration and time zone. */
    static final String REGISTER_REQUEST = """
            {
              "practiceId": "springfield",
              "name": "Springfield Ketamine Clinic",
              "address": {"line1": "1 Main St", "city": "Springfield", "state": "IL", "postalCode": "62701"},
              "deaNumber": "AB1234563",
              "deaRegistrationExpiresOn": "2028-06-30",
              "authorizedSchedules": ["III", "IIIN", "IV"],
              "timeZone": "America/Chicago",
              "phone": "2175550100",
              "contactName": "Dana Whitfield"
            }
            """;

    /** Request: the practice's phone and contact person. */
    static final String CONTACT_REQUEST = """
            {"phone": "2175550100", "contactName": "Dana Whitfield", "occurredAt": "2026-11-24T10:00:00Z"}
            """;

    /** 201: The receipt: the practice id and the appended event. */
    static final String REGISTER_CREATED = """
            {
              "id": "springfield",
              "ledgerPosition": 2,
              "events": [
                {
                  "eventId": "23f3c597-b4e2-463a-a58f-12ce4530de3c",
                  "eventType": "PracticeRegistered",
                  "ledgerPosition": 2
                }
              ]
            }
            """;

    /** 400 VALIDATION_FAILED: Missing name, bad id, unknown time zone. */
    static final String REGISTER_VALIDATION_FAILED = """
            {
              "type": "https://doseledger.org/problems/validation-failed",
              "title": "Invalid request",
              "status": 400,
              "detail": "name: must not be blank; practiceId: must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit; timeZoneValid: timeZone must be an IANA time zone id such as America/Chicago",
              "instance": "/api/practices",
              "code": "VALIDATION_FAILED",
              "errors": [
                {"field": "name", "message": "must not be blank"},
                {
                  "field": "practiceId",
                  "message": "must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit"
                },
                {
                  "field": "timeZoneValid",
                  "message": "timeZone must be an IANA time zone id such as America/Chicago"
                }
              ],
              "requestId": "773d6164-6f0b-4993-b65d-9aa037166e83"
            }
            """;

    /** 409 PRACTICE_ALREADY_EXISTS: The practice id is taken. */
    static final String REGISTER_PRACTICE_ALREADY_EXISTS = """
            {
              "type": "https://doseledger.org/problems/practice-already-exists",
              "title": "Ledger rule violated",
              "status": 409,
              "detail": "A practice with id 'springfield' already exists",
              "instance": "/api/practices",
              "code": "PRACTICE_ALREADY_EXISTS",
              "requestId": "f9c84fc0-dcd6-4bae-999a-ec25ddfd9913"
            }
            """;

    /** 409 DEA_REGISTRATION_EXPIRED: The DEA registration has already expired. */
    static final String REGISTER_DEA_REGISTRATION_EXPIRED = """
            {
              "type": "https://doseledger.org/problems/dea-registration-expired",
              "title": "Ledger rule violated",
              "status": 409,
              "detail": "DEA registration AB1234563 expired on 2026-06-30, before the practice registered on 2026-11-26",
              "instance": "/api/practices",
              "code": "DEA_REGISTRATION_EXPIRED",
              "requestId": "5a89dd22-1c2c-48d0-8632-0bd4096ec303"
            }
            """;

    /** 200: A registered practice. */
    static final String GET_OK = """
            {
              "practiceId": "springfield",
              "name": "Springfield Ketamine Clinic",
              "address": {"line1": "1 Main St", "city": "Springfield", "state": "IL", "postalCode": "62701"},
              "deaNumber": "AB1234563",
              "deaRegistrationExpiresOn": "2028-06-30",
              "authorizedSchedules": ["III", "IIIN", "IV"],
              "timeZone": "America/Chicago",
              "registeredAt": "2026-11-26T23:08:09.935620Z",
              "recordedAt": "2026-11-26T23:08:09.935620Z"
            }
            """;

    /** 404 PRACTICE_NOT_FOUND: Unknown practice. */
    static final String GET_PRACTICE_NOT_FOUND = """
            {
              "type": "https://doseledger.org/problems/practice-not-found",
              "title": "Not found",
              "status": 404,
              "detail": "Unknown practice 'shelbyville'",
              "instance": "/api/practices/shelbyville",
              "code": "PRACTICE_NOT_FOUND",
              "requestId": "27236250-8186-42e5-b708-54acfa2ba6c3"
            }
            """;

    /** Require a medical clearance for every dose; a rationale above a 20% increase. */
    static final String POLICIES_REQUEST = """
            {"requireMedicalClearance":true,"doseIncreaseLimitPercent":20,"lateEntryWindowHours":24,
             "consentValidityDays":365,"requireWitnessedDraws":true,"accessLogReviewDays":30}
            """;

    /** The receipt of a policy change. */
    static final String POLICIES_SET = """
            {"id":"springfield","ledgerPosition":12,"events":[{"eventId":"9a7c2e14-6b0d-4f3a-8e51-2d9c7b4a1f08",
             "eventType":"PracticePoliciesSet","ledgerPosition":12}]}
            """;

    /** Request: open an import of last year's paper binder. */
    static final String HISTORY_IMPORT_REQUEST = """
            {"importId":"binder-2025","sourceDocument":"Controlled substance binder, Jan-Dec 2025 (scanned)",
             "sourceSha256":"9f2c4e1a7b3d5f60817263a4b5c6d7e8f9012a3b4c5d6e7f8091a2b3c4d5e6f7",
             "coversFrom":"2025-01-01","coversTo":"2025-12-31","attestedBy":"md-1"}
            """;

    /** The receipt of an opened import. */
    static final String HISTORY_IMPORT_OPENED = """
            {"id":"binder-2025","ledgerPosition":14,"events":[{"eventId":"2b1d6c0e-7a4f-4e2b-9c3d-5f8a1e7b6d20",
             "eventType":"HistoryImportOpened","ledgerPosition":14}]}
            """;

    /** Request: close the import once every page is transcribed. */
    static final String HISTORY_IMPORT_CLOSE_REQUEST = """
            {"closedBy":"md-1"}
            """;

    /** The receipt of a closed import. */
    static final String HISTORY_IMPORT_CLOSED = """
            {"id":"binder-2025","ledgerPosition":420,"events":[{"eventId":"6e3f1a9b-2c7d-4b8e-a1f0-3d5c7e9b2a41",
             "eventType":"HistoryImportClosed","ledgerPosition":420}]}
            """;
}
