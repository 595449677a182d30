package org.doseledger.api.consistency;

/**
 * Response examples of the dosing-consistency endpoints in the OpenAPI document, as a running ledger
 * answered them. Annotation values must be compile-time constants, hence strings.
 */
final class DosingConsistencyExamples {

    private DosingConsistencyExamples() {}

    /** 200: a client's second session, 7 days after the first, with waste and its vitals. */
    static final String OK = """
            {
              "practiceId": "springfield",
              "sessions": [
                {
                  "clientId": "c-1001",
                  "sessionId": "s-2",
                  "at": "2026-11-20T15:00:00Z",
                  "substance": "KETAMINE",
                  "locationId": "safe-1",
                  "routes": ["IM"],
                  "drawnMilligrams": 100,
                  "administeredMilligrams": 80,
                  "wastedMilligrams": 20,
                  "wasteShare": 0.2,
                  "weightKilograms": 80,
                  "milligramsPerKilogram": 1,
                  "plan": {"planId": "plan-1", "route": "IM", "doseBasis": "MG", "minDose": 50, "maxDose": 100,
                           "maxSingleDose": 120, "minIntervalBetweenDoses": "PT144H"},
                  "changeFromPreviousPercent": 6.7,
                  "intervalFromPrevious": "PT168H",
                  "drawToAdministerDelay": "PT5M",
                  "drawToWasteDelay": "PT20M",
                  "drawnBy": ["rn-1"],
                  "administeredBy": ["rn-1"],
                  "overrides": [],
                  "vitalsRecorded": 2,
                  "flags": []
                }
              ],
              "offset": 0,
              "limit": 100,
              "total": 1
            }
            """;

    static final String CSV = """
            clientId,sessionId,at,substance,locationId,routes,drawnMilligrams,administeredMilligrams,wastedMilligrams,\
            wasteShare,weightKilograms,milligramsPerKilogram,planId,planDoseBasis,planMinDose,planMaxDose,\
            planMaxSingleDose,changeFromPreviousPercent,intervalFromPrevious,drawToAdministerDelay,drawToWasteDelay,\
            drawnBy,administeredBy,overrides,vitalsRecorded,flags
            c-1001,s-2,2026-11-20T15:00:00Z,KETAMINE,safe-1,IM,100,80,20,0.2,80,1,plan-1,MG,50,100,120,6.7,PT168H,\
            PT5M,PT20M,rn-1,rn-1,,2,
            """;

    /** 200: IM ketamine doses of two nurses, one session above the upper fence. */
    static final String DISTRIBUTION_OK = """
            {
              "practiceId": "springfield",
              "groups": [
                {
                  "substance": "KETAMINE",
                  "route": "IM",
                  "practice": {"sessions": 9, "minMilligrams": 60, "q1Milligrams": 70, "medianMilligrams": 75,
                               "q3Milligrams": 80, "maxMilligrams": 120, "meanMilligrams": 78.33},
                  "lowerFence": 55,
                  "upperFence": 95,
                  "practitioners": [
                    {"practitionerId": "rn-1", "doses": {"sessions": 5, "minMilligrams": 60, "q1Milligrams": 70,
                      "medianMilligrams": 75, "q3Milligrams": 75, "maxMilligrams": 80, "meanMilligrams": 72},
                     "outliers": 0},
                    {"practitionerId": "rn-2", "doses": {"sessions": 4, "minMilligrams": 75, "q1Milligrams": 78.75,
                      "medianMilligrams": 80, "q3Milligrams": 90, "maxMilligrams": 120, "meanMilligrams": 86.25},
                     "outliers": 1}
                  ],
                  "outliers": [
                    {"clientId": "c-1007", "sessionId": "s-31", "practitionerId": "rn-2",
                     "at": "2026-11-18T16:00:00Z", "administeredMilligrams": 120, "side": "HIGH"}
                  ]
                }
              ]
            }
            """;

    static final String VALIDATION_FAILED = """
            {
              "type": "https://doseledger.org/problems/validation-failed",
              "title": "Invalid request",
              "status": 400,
              "detail": "to: to 2026-11-01T00:00:00Z is not after from 2026-11-20T00:00:00Z",
              "instance": "/api/practices/springfield/dosing-consistency",
              "code": "VALIDATION_FAILED",
              "errors": [{"field": "to", "message": "to 2026-11-01T00:00:00Z is not after from 2026-11-20T00:00:00Z"}],
              "requestId": "c2d9e1a7-4b0f-4e3c-9a81-6f5b2d0e7c43"
            }
            """;
}
