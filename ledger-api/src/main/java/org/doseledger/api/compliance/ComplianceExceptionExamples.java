package org.doseledger.api.compliance;

/**
 * Request and response examples of the compliance-exception endpoints in the OpenAPI document, as a
 * running ledger answered them. Annotation values must be compile-time constants, hence strings.
 */
final class ComplianceExceptionExamples {

    private ComplianceExceptionExamples() {}

    static final String ID = "DRAW_OVERDUE:safe-1:42023-0113-10:K2611:draw-7";

    /** 200: an overdue draw being looked into and a licence about to expire. */
    static final String QUEUE_OK = """
            {
              "practiceId": "springfield",
              "asOf": "2026-11-27",
              "exceptions": [
                {
                  "exceptionId": "DRAW_OVERDUE:safe-1:42023-0113-10:K2611:draw-7",
                  "kind": "DRAW_OVERDUE",
                  "status": "ACKNOWLEDGED",
                  "summary": "Draw draw-7 of lot K2611 at safe-1: 0.3 ML not administered or wasted PT1H after it was drawn",
                  "raisedAt": "2026-11-26T16:30:00Z",
                  "clientId": "c-1001",
                  "locationId": "safe-1",
                  "practitionerId": "rn-1",
                  "ledgerPosition": 412,
                  "acknowledgement": {"by": "J. Doe, compliance officer", "at": "2026-11-27T08:05:12Z",
                                      "note": "asked rn-1 for the waste record"}
                },
                {
                  "exceptionId": "CREDENTIAL_EXPIRING:md-1:LICENCE:2026-12-15",
                  "kind": "CREDENTIAL_EXPIRING",
                  "status": "OPEN",
                  "summary": "State licence of md-1 expires 2026-12-15",
                  "raisedAt": "2026-11-15T00:00:00Z",
                  "dueOn": "2026-12-15",
                  "practitionerId": "md-1"
                }
              ],
              "offset": 0,
              "limit": 100,
              "total": 2
            }
            """;

    /** 200 as text/csv. */
    static final String QUEUE_CSV = """
            exceptionId,kind,status,summary,raisedAt,dueOn,clientId,locationId,practitionerId,ledgerPosition,\
            clearedAt,clearedBy,acknowledgedBy,acknowledgedAt,acknowledgementNote,resolvedBy,resolvedAt,resolutionNote
            CREDENTIAL_EXPIRING:md-1:LICENCE:2026-12-15,CREDENTIAL_EXPIRING,OPEN,State licence of md-1 expires \
            2026-12-15,2026-11-15T00:00:00Z,2026-12-15,,,md-1,,,,,,,,,
            """;

    /** 200: one exception, resolved. */
    static final String ONE_OK = """
            {
              "exceptionId": "DRAW_OVERDUE:safe-1:42023-0113-10:K2611:draw-7",
              "kind": "DRAW_OVERDUE",
              "status": "RESOLVED",
              "summary": "Draw draw-7 of lot K2611 at safe-1: 0.3 ML not administered or wasted PT1H after it was drawn",
              "raisedAt": "2026-11-26T16:30:00Z",
              "clientId": "c-1001",
              "locationId": "safe-1",
              "practitionerId": "rn-1",
              "ledgerPosition": 412,
              "acknowledgement": {"by": "J. Doe, compliance officer", "at": "2026-11-27T08:05:12Z",
                                  "note": "asked rn-1 for the waste record"},
              "resolution": {"by": "J. Doe, compliance officer", "at": "2026-11-27T09:40:00Z",
                             "note": "0.3 mL wasted at 16:10 before rn-2; waste entered late with co-signature"}
            }
            """;

    static final String ACKNOWLEDGE_REQUEST = """
            {"reviewedBy": "J. Doe, compliance officer", "note": "asked rn-1 for the waste record"}
            """;

    static final String RESOLVE_REQUEST = """
            {"reviewedBy": "J. Doe, compliance officer",
             "note": "0.3 mL wasted at 16:10 before rn-2; waste entered late with co-signature"}
            """;

    /** 201: acknowledged. */
    static final String ACKNOWLEDGED = """
            {
              "id": "DRAW_OVERDUE:safe-1:42023-0113-10:K2611:draw-7",
              "ledgerPosition": 431,
              "events": [
                {"eventId": "0f3c2a8e-5b1d-4c7a-9e2f-6d8b1a0c4e57", "eventType": "ExceptionAcknowledged", "ledgerPosition": 431}
              ]
            }
            """;

    /** 201: resolved. */
    static final String RESOLVED = """
            {
              "id": "DRAW_OVERDUE:safe-1:42023-0113-10:K2611:draw-7",
              "ledgerPosition": 440,
              "events": [
                {"eventId": "7a9d4e21-3c6b-4f08-b5e1-2d0c9f8a6b13", "eventType": "ExceptionResolved", "ledgerPosition": 440}
              ]
            }
            """;

    static final String QUEUE_VALIDATION_FAILED = """
            {
              "type": "https://doseledger.org/problems/validation-failed",
              "title": "Invalid request",
              "status": 400,
              "detail": "status: has value 'DONE'; expected one of [OPEN, ACKNOWLEDGED, CLEARED, RESOLVED]",
              "instance": "/api/practices/springfield/exceptions",
              "code": "VALIDATION_FAILED",
              "errors": [{"field": "status",
                          "message": "has value 'DONE'; expected one of [OPEN, ACKNOWLEDGED, CLEARED, RESOLVED]"}],
              "requestId": "2b7e0c1d-9a4f-4e63-8d15-c0f7a2b9e846"
            }
            """;

    static final String RESOLVE_VALIDATION_FAILED = """
            {
              "type": "https://doseledger.org/problems/validation-failed",
              "title": "Invalid request",
              "status": 400,
              "detail": "note: must not be blank",
              "instance": "/api/practices/springfield/exceptions/DRAW_OVERDUE:safe-1:42023-0113-10:K2611:draw-7/resolution",
              "code": "VALIDATION_FAILED",
              "errors": [{"field": "note", "message": "must not be blank"}],
              "requestId": "8d2c5f0a-1e7b-4a39-b6c4-3f9e0d7a2b18"
            }
            """;

    static final String EXCEPTION_NOT_FOUND = """
            {
              "type": "https://doseledger.org/problems/exception-not-found",
              "title": "Not found",
              "status": 404,
              "detail": "Unknown exception 'DRAW_OVERDUE:safe-1:42023-0113-10:K2611:draw-99'",
              "instance": "/api/practices/springfield/exceptions/DRAW_OVERDUE:safe-1:42023-0113-10:K2611:draw-99",
              "code": "EXCEPTION_NOT_FOUND",
              "requestId": "4e1a7c3b-0d9f-4b52-a8e6-5c2d1f0b9a37"
            }
            """;

    static final String ALREADY_ACKNOWLEDGED = """
            {
              "type": "https://doseledger.org/problems/exception-already-acknowledged",
              "title": "Ledger rule violated",
              "status": 409,
              "detail": "Exception DRAW_OVERDUE:safe-1:42023-0113-10:K2611:draw-7 was already acknowledged by J. Doe, compliance officer; resolve it with a note",
              "instance": "/api/practices/springfield/exceptions/DRAW_OVERDUE:safe-1:42023-0113-10:K2611:draw-7/acknowledgement",
              "code": "EXCEPTION_ALREADY_ACKNOWLEDGED",
              "requestId": "9c0b3e7a-6f2d-4185-a4b9-7e1d0c5f8a26"
            }
            """;

    static final String ALREADY_RESOLVED = """
            {
              "type": "https://doseledger.org/problems/exception-already-resolved",
              "title": "Ledger rule violated",
              "status": 409,
              "detail": "Exception DRAW_OVERDUE:safe-1:42023-0113-10:K2611:draw-7 is already resolved",
              "instance": "/api/practices/springfield/exceptions/DRAW_OVERDUE:safe-1:42023-0113-10:K2611:draw-7/resolution",
              "code": "EXCEPTION_ALREADY_RESOLVED",
              "requestId": "1f6e9a2c-8b0d-4c73-95a1-d4e7b2c0f358"
            }
            """;
}
