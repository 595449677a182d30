package org.doseledger.api.inventory;

/**
 * Response examples of the inventory endpoint in the OpenAPI document, as a running ledger answered
 * them. Annotation values must be compile-time constants, hence strings.
 */
final class InventoryExamples {

    private InventoryExamples() {}

    /** 200: one lot with an open draw and a count that found 0.4 mL missing. */
    static final String INVENTORY_OK = """
            {
              "practiceId": "springfield",
              "lots": [
                {
                  "locationId": "safe-1",
                  "ndc": "42023-0113-10",
                  "productName": "Ketamine HCl 50 mg/mL",
                  "lotNumber": "K2611",
                  "substance": "KETAMINE",
                  "unit": "ML",
                  "milligramsPerUnit": 50,
                  "expiresOn": "2027-06-30",
                  "onHand": 17.5,
                  "onHandMilligrams": 875,
                  "openDraws": 1,
                  "openDrawn": 1,
                  "openDrawnMilligrams": 50,
                  "openDiscrepancies": 1,
                  "lastCount": {
                    "countId": "count-2026-11-20",
                    "counted": 17.1,
                    "countedAt": "2026-11-20T17:00:00Z",
                    "discrepancy": "OPEN",
                    "difference": -0.4
                  },
                  "ledgerPosition": 57
                }
              ],
              "totals": [
                {"substance": "KETAMINE", "onHandMilligrams": 875, "openDrawnMilligrams": 50, "lots": 1}
              ]
            }
            """;

    /** 200 as text/csv: the same lot. */
    static final String INVENTORY_CSV = """
            locationId,ndc,productName,lotNumber,substance,unit,milligramsPerUnit,expiresOn,onHand,\
            onHandMilligrams,openDraws,openDrawn,openDrawnMilligrams,openDiscrepancies,lastCountId,lastCounted,\
            lastCountedAt,lastCountDiscrepancy,lastCountDifference
            safe-1,42023-0113-10,Ketamine HCl 50 mg/mL,K2611,KETAMINE,ML,50,2027-06-30,17.5,875,1,1,50,1,\
            count-2026-11-20,17.1,2026-11-20T17:00:00Z,OPEN,-0.4
            """;

    /** 400: an NDC that is not one. */
    static final String INVENTORY_VALIDATION_FAILED = """
            {
              "type": "https://doseledger.org/problems/validation-failed",
              "title": "Invalid request",
              "status": 400,
              "detail": "ndc: must match \\"[0-9]{4,5}-[0-9]{3,4}-[0-9]{1,2}\\"",
              "instance": "/api/practices/springfield/inventory",
              "code": "VALIDATION_FAILED",
              "errors": [{"field": "ndc", "message": "must match \\"[0-9]{4,5}-[0-9]{3,4}-[0-9]{1,2}\\""}],
              "requestId": "6a0e1f0b-94c1-4d8e-8a57-0c2f3d1b9e44"
            }
            """;
}
