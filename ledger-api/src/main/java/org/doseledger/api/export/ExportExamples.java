package org.doseledger.api.export;

/** Examples of the export endpoints, for the OpenAPI document. */
final class ExportExamples {

    private ExportExamples() {}

    static final String CREATE_REQUEST = """
            {
              "type": "dispensing-record",
              "from": "2026-01-01",
              "to": "2026-06-30",
              "locationId": "safe-1"
            }
            """;

    static final String DONE = """
            {
              "exportId": "7d3e5f10-0000-4000-8000-000000000001",
              "practiceId": "springfield",
              "type": "dispensing-record",
              "parameters": {"from": "2026-01-01", "to": "2026-06-30", "locationId": "safe-1"},
              "status": "DONE",
              "recordsTotal": 412,
              "recordsDone": 412,
              "requestedBy": "0123456789abcdef",
              "requestedAt": "2026-07-01T14:00:00Z",
              "finishedAt": "2026-07-01T14:00:01.250Z",
              "ledgerPosition": 120455,
              "checkpointNumber": 311,
              "bundleSha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
              "bundleBytes": 48210,
              "downloadUrl": "/api/practices/springfield/exports/7d3e5f10-0000-4000-8000-000000000001/bundle"
            }
            """;

    static final String RUNNING = """
            {
              "exportId": "7d3e5f10-0000-4000-8000-000000000002",
              "practiceId": "springfield",
              "type": "dispensing-record",
              "parameters": {"from": "2024-07-01", "to": "2026-06-30"},
              "status": "RUNNING",
              "recordsTotal": 100000,
              "recordsDone": 41000,
              "requestedBy": "0123456789abcdef",
              "requestedAt": "2026-07-01T14:00:00Z",
              "ledgerPosition": 120455,
              "checkpointNumber": 311
            }
            """;

    static final String VALIDATION_FAILED = """
            {
              "type": "about:blank",
              "title": "Validation failed",
              "status": 400,
              "code": "VALIDATION_FAILED",
              "errors": [{"field": "type", "message": "unknown export type pdmp; one of dispensing-record, receipts-log"}]
            }
            """;

    static final String NOT_SEALED = """
            {
              "type": "about:blank",
              "title": "Ledger rule violated",
              "status": 409,
              "code": "LEDGER_NOT_SEALED",
              "detail": "The ledger has no signed checkpoint yet; an export covers the ledger up to its last checkpoint. Try again after the next seal"
            }
            """;

    static final String PDMP_SUBMISSION_REQUEST = """
            {"status": "REJECTED", "reference": "IL-20260501-17", "reason": "TT02 does not match the segment count",
             "at": "2026-05-02T14:00:00Z"}
            """;
}
