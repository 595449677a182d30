package org.doseledger.api.personaldata;

/** Examples for the OpenAPI document. */
final class PersonalDataExamples {

    private PersonalDataExamples() {}

    static final String SHRED_REQUEST = """
            {"reason": "Retention period over: last visit 2020-03-02, state retention 6 years"}
            """;

    static final String RETENTION_PERIOD_NOT_OVER = """
            {
              "type": "https://doseledger.org/problems/retention-period-not-over",
              "title": "Ledger rule violated",
              "status": 409,
              "detail": "The records of client c-1001 must be kept until P2Y after their last entry (2026-11-24T10:00:00Z); their personal data cannot be shredded yet",
              "instance": "/api/admin/practices/springfield/clients/c-1001/data-key/shredding",
              "code": "RETENTION_PERIOD_NOT_OVER",
              "requestId": "5b0f3c1e-2a7d-4c84-9e61-0d2f7b6a1c93"
            }
            """;
}
