package org.doseledger.api.practitioner;

/**
 * Request and response examples of the practitioner endpoints in the OpenAPI document, as a running ledger
 * answered them. Annotation values must be compile-time constants, hence strings.
 */
final class PractitionerExamples {

    private PractitionerExamples() {}

    /** Request: A prescriber with a DEA registration. */
    static final String REGISTER_REQUEST = """
            {
              "practitionerId": "md-1",
              "name": "Julius Hibbert, MD",
              "roles": ["PRESCRIBER"],
              "deaNumber": "BJ6125341",
              "legalName": {"given": "Julius", "family": "Hibbert"},
              "npi": "1234567893",
              "occurredAt": "2026-11-20T14:00:00Z"
            }
            """;

    /** Request: the legal name and NPI of a practitioner registered without them. */
    static final String IDENTITY_REQUEST = """
            {
              "legalName": {"given": "Julius", "family": "Hibbert"},
              "npi": "1234567893",
              "occurredAt": "2026-11-20T14:00:00Z"
            }
            """;

    /** Request: A nurse; no DEA number. */
    static final String REGISTER_REQUEST_NURSE = """
            {
              "practitionerId": "rn-1",
              "name": "Joy Nguyen, RN",
              "roles": ["NURSE"],
              "occurredAt": "2026-11-20T14:00:00Z"
            }
            """;

    /** 201: The receipt: the practitioner id and the appended event. */
    static final String REGISTER_CREATED = """
            {
              "id": "md-1",
              "ledgerPosition": 19,
              "events": [
                {
                  "eventId": "d05bd749-dce5-4264-9f7b-3aec4da47c9e",
                  "eventType": "PractitionerRegistered",
                  "ledgerPosition": 19
                }
              ]
            }
            """;

    /** 400 VALIDATION_FAILED: Bad id, no name, no roles, a DEA number with a wrong check digit. */
    static final String REGISTER_VALIDATION_FAILED = """
            {
              "type": "https://doseledger.org/problems/validation-failed",
              "title": "Invalid request",
              "status": 400,
              "detail": "deaNumber: DEA number AB1234560 fails its check digit (expected 3); name: must not be blank; practitionerId: must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit; roles: must not be empty",
              "instance": "/api/practices/springfield/practitioners",
              "code": "VALIDATION_FAILED",
              "errors": [
                {"field": "roles", "message": "must not be empty"},
                {
                  "field": "practitionerId",
                  "message": "must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit"
                },
                {"field": "name", "message": "must not be blank"},
                {"field": "deaNumber", "message": "DEA number AB1234560 fails its check digit (expected 3)"}
              ],
              "requestId": "7514e778-376e-4e42-ba32-245dadc68bd1"
            }
            """;

    /** 404 PRACTICE_NOT_FOUND: Unknown practice. */
    static final String REGISTER_PRACTICE_NOT_FOUND = """
            {
              "type": "https://doseledger.org/problems/practice-not-found",
              "title": "Not found",
              "status": 404,
              "detail": "Unknown practice 'shelbyville'",
              "instance": "/api/practices/shelbyville/practitioners",
              "code": "PRACTICE_NOT_FOUND",
              "requestId": "5d9c1a55-c0b5-416c-a39c-c44d70945d46"
            }
            """;

    /** 409 PRACTITIONER_ALREADY_EXISTS: The practitioner id is taken. */
    static final String REGISTER_PRACTITIONER_ALREADY_EXISTS = """
            {
              "type": "https://doseledger.org/problems/practitioner-already-exists",
              "title": "Ledger rule violated",
              "status": 409,
              "detail": "A practitioner with id 'rn-1' already exists",
              "instance": "/api/practices/springfield/practitioners",
              "code": "PRACTITIONER_ALREADY_EXISTS",
              "requestId": "eafcac41-5f58-44c5-85b6-c6154e983749"
            }
            """;

    /** 409 PRESCRIBER_NEEDS_DEA_NUMBER: A prescriber without a DEA number. */
    static final String REGISTER_PRESCRIBER_NEEDS_DEA_NUMBER = """
            {
              "type": "https://doseledger.org/problems/prescriber-needs-dea-number",
              "title": "Ledger rule violated",
              "status": 409,
              "detail": "Practitioner md-2 is registered as a prescriber without a DEA number",
              "instance": "/api/practices/springfield/practitioners",
              "code": "PRESCRIBER_NEEDS_DEA_NUMBER",
              "requestId": "8d83a3b7-a2fd-4ab6-95d7-2da31eecea8c"
            }
            """;

    /** Request: The practitioner left the practice. */
    static final String DEACTIVATE_REQUEST = """
            {
              "occurredAt": "2026-11-25T17:00:00Z",
              "reason": "Left the practice"
            }
            """;

    /** 201: The receipt: the practitioner id and the appended event. */
    static final String DEACTIVATE_CREATED = """
            {
              "id": "th-1",
              "ledgerPosition": 22,
              "events": [
                {
                  "eventId": "2503650e-a2f3-451c-ac2b-83c5f6be9913",
                  "eventType": "PractitionerDeactivated",
                  "ledgerPosition": 22
                }
              ]
            }
            """;

    /** 400 VALIDATION_FAILED: No occurredAt, no reason. */
    static final String DEACTIVATE_VALIDATION_FAILED = """
            {
              "type": "https://doseledger.org/problems/validation-failed",
              "title": "Invalid request",
              "status": 400,
              "detail": "occurredAt: must not be null; reason: must not be blank",
              "instance": "/api/practices/springfield/practitioners/th-1/deactivation",
              "code": "VALIDATION_FAILED",
              "errors": [
                {"field": "occurredAt", "message": "must not be null"},
                {"field": "reason", "message": "must not be blank"}
              ],
              "requestId": "5aa2fc55-d4a4-4780-b238-fb8ed57b7172"
            }
            """;

    /** 404 PRACTITIONER_NOT_FOUND: Unknown practitioner. */
    static final String DEACTIVATE_PRACTITIONER_NOT_FOUND = """
            {
              "type": "https://doseledger.org/problems/practitioner-not-found",
              "title": "Not found",
              "status": 404,
              "detail": "Unknown practitioner 'rn-9'",
              "instance": "/api/practices/springfield/practitioners/rn-9/deactivation",
              "code": "PRACTITIONER_NOT_FOUND",
              "requestId": "01413ef2-618c-49e9-94b9-c387f4f9f356"
            }
            """;

    /** 409 PRACTITIONER_ALREADY_INACTIVE: The practitioner is already inactive. */
    static final String DEACTIVATE_PRACTITIONER_ALREADY_INACTIVE = """
            {
              "type": "https://doseledger.org/problems/practitioner-already-inactive",
              "title": "Ledger rule violated",
              "status": 409,
              "detail": "Practitioner th-1 is already inactive",
              "instance": "/api/practices/springfield/practitioners/th-1/deactivation",
              "code": "PRACTITIONER_ALREADY_INACTIVE",
              "requestId": "3c408e30-9c85-45a8-9066-615608b2dcdf"
            }
            """;

    /** 200: Two nurses, a prescriber and a former therapist. */
    static final String LIST_OK = """
            [
              {
                "practitionerId": "md-1",
                "name": "Julius Hibbert, MD",
                "roles": ["PRESCRIBER"],
                "deaNumber": "BJ6125341",
                "active": true,
                "registeredAt": "2026-11-20T14:00:00Z"
              },
              {
                "practitionerId": "rn-1",
                "name": "Joy Nguyen, RN",
                "roles": ["NURSE"],
                "active": true,
                "registeredAt": "2026-11-20T14:00:00Z"
              },
              {
                "practitionerId": "rn-2",
                "name": "Sam Ortiz, RN",
                "roles": ["NURSE"],
                "active": true,
                "registeredAt": "2026-11-20T14:00:00Z"
              },
              {
                "practitionerId": "th-1",
                "name": "th-1",
                "roles": ["THERAPIST"],
                "active": false,
                "registeredAt": "2026-11-20T14:00:00Z",
                "deactivatedAt": "2026-11-25T17:00:00Z"
              }
            ]
            """;

    /** 404 PRACTICE_NOT_FOUND: Unknown practice. */
    static final String LIST_PRACTICE_NOT_FOUND = """
            {
              "type": "https://doseledger.org/problems/practice-not-found",
              "title": "Not found",
              "status": 404,
              "detail": "Unknown practice 'shelbyville'",
              "instance": "/api/practices/shelbyville/practitioners",
              "code": "PRACTICE_NOT_FOUND",
              "requestId": "5d9c1a55-c0b5-416c-a39c-c44d70945d46"
            }
            """;

    /** A state licence renewal. */
    static final String LICENCE_REQUEST = """
            {"number":"RN-2026-0415","state":"IL","expiresOn":"2028-05-31","occurredAt":"2026-11-20T15:00:00Z"}
            """;

    /** A prescriber's DEA registration with its expiry and schedules. */
    static final String DEA_REQUEST = """
            {"deaNumber":"BJ6125341","expiresOn":"2028-06-30","schedules":["II","III","IIIN","IV","V"],
             "occurredAt":"2026-11-20T15:00:00Z"}
            """;

    /** A KAP training certificate that does not expire. */
    static final String CERTIFICATE_REQUEST = """
            {"kind":"KAP_TRAINING","issuer":"Polaris Insight Center","issuedOn":"2025-03-01",
             "occurredAt":"2026-11-20T15:00:00Z"}
            """;

    /** The receipt of a recorded credential. */
    static final String CREDENTIAL_RECORDED = """
            {"id":"md-1","ledgerPosition":41,"events":[{"eventId":"5b0f3c1e-8f64-4a0e-a9a4-0a8f3b1d2c77",
             "eventType":"PractitionerLicenceRecorded","ledgerPosition":41}]}
            """;
}
