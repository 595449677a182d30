package org.doseledger.api.location;

/**
 * Request and response examples of the storage location endpoints in the OpenAPI document, as a running ledger
 * answered them. Annotation values must be compile-time constants, hence strings.
 */
final class LocationExamples {

    private LocationExamples() {}

    /** Request: A locked safe. */
    static final String REGISTER_REQUEST = """
            {
              "locationId": "safe-1",
              "name": "Main safe, room 2",
              "kind": "SAFE",
              "refrigerated": false
            }
            """;

    /** 201: The receipt: the location id and the appended event. */
    static final String REGISTER_CREATED = """
            {
              "id": "safe-1",
              "ledgerPosition": 12,
              "events": [
                {
                  "eventId": "fe29955d-34d4-4d0d-81ae-e26d3b956827",
                  "eventType": "StorageLocationRegistered",
                  "ledgerPosition": 12
                }
              ]
            }
            """;

    /** 400 VALIDATION_FAILED: Bad id, no name, no kind. */
    static final String REGISTER_VALIDATION_FAILED = """
            {
              "type": "https://doseledger.org/problems/validation-failed",
              "title": "Invalid request",
              "status": 400,
              "detail": "kind: must not be null; locationId: must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit; name: must not be blank",
              "instance": "/api/practices/springfield/locations",
              "code": "VALIDATION_FAILED",
              "errors": [
                {
                  "field": "locationId",
                  "message": "must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit"
                },
                {"field": "kind", "message": "must not be null"},
                {"field": "name", "message": "must not be blank"}
              ],
              "requestId": "92c758df-0569-482e-b917-d7843c3ffbaa"
            }
            """;

    /** 404 PRACTICE_NOT_FOUND: Unknown practice. */
    static final String REGISTER_PRACTICE_NOT_FOUND = """
            {
              "type": "https://doseledger.org/problems/practice-not-found",
              "title": "Not found",
              "status": 404,
              "detail": "Unknown practice 'shelbyville'",
              "instance": "/api/practices/shelbyville/locations",
              "code": "PRACTICE_NOT_FOUND",
              "requestId": "491f905b-63ff-4476-ada8-214fe16c54e4"
            }
            """;

    /** 409 LOCATION_ALREADY_EXISTS: The location id is taken. */
    static final String REGISTER_LOCATION_ALREADY_EXISTS = """
            {
              "type": "https://doseledger.org/problems/location-already-exists",
              "title": "Ledger rule violated",
              "status": 409,
              "detail": "A location with id 'safe-1' already exists",
              "instance": "/api/practices/springfield/locations",
              "code": "LOCATION_ALREADY_EXISTS",
              "requestId": "d539fc8e-8d97-4daf-a20f-1f6a5cf2e1c2"
            }
            """;

    /** 200: Two safes. */
    static final String LIST_OK = """
            [
              {
                "locationId": "safe-1",
                "name": "Main safe, room 2",
                "kind": "SAFE",
                "refrigerated": false,
                "registeredAt": "2026-11-26T23:08:11.966334Z"
              },
              {
                "locationId": "safe-2",
                "name": "Dosing room cabinet",
                "kind": "SAFE",
                "refrigerated": false,
                "registeredAt": "2026-11-26T23:08:11.992578Z"
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
              "instance": "/api/practices/shelbyville/locations",
              "code": "PRACTICE_NOT_FOUND",
              "requestId": "491f905b-63ff-4476-ada8-214fe16c54e4"
            }
            """;
}
