package org.doseledger.api.accountability;

/**
 * Response examples of the accountability endpoint in the OpenAPI document, as a running ledger
 * answered them. Annotation values must be compile-time constants, hence strings.
 */
final class AccountabilityExamples {

    private AccountabilityExamples() {}

    /** 200: one lot, opened by a count, with a draw recorded late that explains the next count's difference. */
    static final String OK = """
            {
              "practiceId": "springfield",
              "asOf": "2026-11-20T23:59:59Z",
              "knownAt": "2026-11-27T09:00:00Z",
              "from": "2026-11-20T08:00:00Z",
              "lots": [
                {
                  "locationId": "safe-1",
                  "ndc": "42023-0113-10",
                  "lotNumber": "K2611",
                  "substance": "KETAMINE",
                  "unit": "ML",
                  "milligramsPerUnit": 50,
                  "opening": {"quantity": 20, "countId": "count-0800", "countKind": "SHIFT_CHANGE",
                              "countedAt": "2026-11-20T08:00:00Z"},
                  "totals": {"received": 0, "transferredIn": 0, "drawn": 1.5, "administered": 1.5, "wasted": 0,
                             "dispensed": 0, "transferredOut": 0, "returned": 0, "destroyed": 0, "lost": 0,
                             "adjusted": 0},
                  "expected": 18.5,
                  "expectedMilligrams": 925,
                  "closingCount": {"countId": "count-1700", "countKind": "SHIFT_CHANGE",
                                   "countedAt": "2026-11-20T17:00:00Z", "counted": 18.5, "expected": 18.5,
                                   "difference": 0},
                  "movements": [
                    {"ledgerPosition": 88, "eventId": "0c1e5a36-7f0b-4b53-9d0e-51a2c9f3e8d4", "movement": "DRAWN",
                     "quantity": 1.5, "balanceChange": -1.5, "drawId": "draw-7", "clientId": "c-1001",
                     "actor": "rn-1", "lateEntry": true, "occurredAt": "2026-11-20T10:00:00Z",
                     "effectiveAt": "2026-11-20T10:00:00Z", "recordedAt": "2026-11-22T09:12:40Z"}
                  ]
                }
              ]
            }
            """;

    /** 200 as text/csv: the same lot. */
    static final String CSV = """
            asOf,knownAt,locationId,ndc,lotNumber,substance,unit,openingCountId,openingCountedAt,opening,received,\
            transferredIn,drawn,administered,wasted,dispensed,transferredOut,returned,destroyed,lost,adjusted,expected,\
            expectedMilligrams,closingCountId,closingCountedAt,closingCounted,closingExpected,closingDifference
            2026-11-20T23:59:59Z,2026-11-27T09:00:00Z,safe-1,42023-0113-10,K2611,KETAMINE,ML,count-0800,\
            2026-11-20T08:00:00Z,20,0,0,1.5,1.5,0,0,0,0,0,0,0,18.5,925,count-1700,2026-11-20T17:00:00Z,18.5,18.5,0
            """;

    /** 400: a period that ends before it starts. */
    static final String VALIDATION_FAILED = """
            {
              "type": "https://doseledger.org/problems/validation-failed",
              "title": "Invalid request",
              "status": 400,
              "detail": "from: from 2026-11-21T00:00:00Z is after asOf 2026-11-20T00:00:00Z",
              "instance": "/api/practices/springfield/accountability",
              "code": "VALIDATION_FAILED",
              "errors": [{"field": "from", "message": "from 2026-11-21T00:00:00Z is after asOf 2026-11-20T00:00:00Z"}],
              "requestId": "5e2d8c1a-0b7f-4a93-86e1-2f4c9d0a7b63"
            }
            """;
}
