package org.doseledger.api.processing;

/**
 * Response examples of the processor endpoints in the OpenAPI document. Annotation values must be
 * compile-time constants, hence strings.
 */
final class ProcessorExamples {

    private ProcessorExamples() {}

    /** 200: Two processors; client-timeline is replaying. */
    static final String LIST_OK = """
            [
              {
                "name": "client-timeline",
                "running": true,
                "replaying": true,
                "segmentCount": 2,
                "segments": [
                  { "segment": 0, "position": 1180 },
                  { "segment": 1, "position": 1192 }
                ],
                "ledgerHead": 5310,
                "lag": 4130,
                "deadLetters": 0
              },
              {
                "name": "stock-lots",
                "running": true,
                "replaying": false,
                "segmentCount": 2,
                "segments": [
                  { "segment": 0, "position": 5310 },
                  { "segment": 1, "position": 5310 }
                ],
                "ledgerHead": 5310,
                "lag": 0,
                "deadLetters": 1
              }
            ]
            """;

    /** 202: Both read models replay. */
    static final String REPLAY_ALL_ACCEPTED = """
            {
              "processors": ["client-timeline", "stock-lots"],
              "ledgerHead": 5310
            }
            """;

    /** 202: stock-lots replays. */
    static final String REPLAY_ONE_ACCEPTED = """
            {
              "processors": ["stock-lots"],
              "ledgerHead": 5310
            }
            """;

    /** 404: Unknown processor. */
    static final String PROCESSOR_NOT_FOUND = """
            {
              "type": "https://doseledger.org/problems/processor-not-found",
              "title": "Not found",
              "status": 404,
              "detail": "Unknown processor 'stock-lot'",
              "instance": "/api/admin/processors/stock-lot/replay",
              "code": "PROCESSOR_NOT_FOUND",
              "requestId": "0f4e3b1c-5a2d-4c47-9a53-2d1e6f0b9c11"
            }
            """;

    /** 409: A second replica runs the processor. */
    static final String REPLAY_CLAIMED_ELSEWHERE = """
            {
              "type": "https://doseledger.org/problems/processor-claimed-elsewhere",
              "title": "Ledger rule violated",
              "status": 409,
              "detail": "Processor 'stock-lots' has segments claimed by another node; nothing was reset. Replay it where it runs, with the other nodes stopped",
              "instance": "/api/admin/processors/stock-lots/replay",
              "code": "PROCESSOR_CLAIMED_ELSEWHERE",
              "requestId": "c2b7d9f0-2f53-4d0e-8e8a-6b7f1d3a5e42"
            }
            """;

    /** 200: A timeline entry that could not be written. */
    static final String DEAD_LETTERS_OK = """
            [
              {
                "aggregateId": "client:springfield:c-1001",
                "eventId": "5b0f6c8e-3d4a-4f1b-9a7e-2c6d8e0f1a23",
                "payloadType": "ClientWeightRecorded",
                "causeType": "org.springframework.dao.DataIntegrityViolationException",
                "causeMessage": "PreparedStatementCallback; ERROR: new row for relation \\"client_timeline\\" violates check constraint",
                "enqueuedAt": "2026-11-20T15:31:02.114Z",
                "lastTouched": "2026-11-20T15:31:02.114Z"
              }
            ]
            """;

    /** 200: The one dead-lettered sequence was processed. */
    static final String RETRY_OK = """
            {
              "processor": "client-timeline",
              "processed": 1,
              "remainingSequences": 0,
              "remainingDeadLetters": 0
            }
            """;
}
