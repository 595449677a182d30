package org.doseledger.api.stock;

/**
 * Request and response examples of the stock endpoints in the OpenAPI document, as a running ledger
 * answered them. Annotation values must be compile-time constants, hence strings.
 */
final class StockExamples {

    private StockExamples() {}

    /** Request: Five 10 mL vials from a distributor. */
    static final String RECEIVE_REQUEST = """
            {
              "expiresOn": "2027-09-30",
              "containers": 5,
              "supplier": {
                "name": "Henry Schein",
                "address": {"line1": "135 Duryea Rd", "city": "Melville", "state": "NY", "postalCode": "11747"},
                "deaNumber": "PS1234563"
              },
              "invoiceNumber": "INV-2026-11-0412",
              "receivedBy": "rn-1",
              "occurredAt": "2026-11-26T14:00:00Z"
            }
            """;

    /** 201: The receipt: the receipt id and the appended event. */
    static final String RECEIVE_CREATED = """
            {
              "id": "278f5e87-417f-4ffa-8161-cd94ec35dcc9",
              "ledgerPosition": 23,
              "events": [
                {
                  "eventId": "dd026680-a305-42a4-a421-c6e2aaf83811",
                  "eventType": "StockReceived",
                  "ledgerPosition": 23
                }
              ]
            }
            """;

    /** 400 VALIDATION_FAILED: No containers, no invoice number. */
    static final String RECEIVE_VALIDATION_FAILED = """
            {
              "type": "https://doseledger.org/problems/validation-failed",
              "title": "Invalid request",
              "status": 400,
              "detail": "containers: must be greater than 0; invoiceNumber: must not be blank",
              "instance": "/api/practices/springfield/stock/lots/safe-1/42023-0113-10/K2611/receipts",
              "code": "VALIDATION_FAILED",
              "errors": [
                {"field": "containers", "message": "must be greater than 0"},
                {"field": "invoiceNumber", "message": "must not be blank"}
              ],
              "requestId": "bc4ff684-751b-47e5-87ae-3fa750fb3718"
            }
            """;

    /** 404 LOCATION_NOT_FOUND: Unknown location. */
    static final String RECEIVE_LOCATION_NOT_FOUND = """
            {
              "type": "https://doseledger.org/problems/location-not-found",
              "title": "Not found",
              "status": 404,
              "detail": "Unknown location 'safe-9'",
              "instance": "/api/practices/springfield/stock/lots/safe-9/42023-0113-10/K2611/receipts",
              "code": "LOCATION_NOT_FOUND",
              "requestId": "1ed32000-569c-453e-814f-6473f6d9a9f0"
            }
            """;

    /** 404 PRODUCT_NOT_FOUND: NDC not in the catalogue. */
    static final String RECEIVE_PRODUCT_NOT_FOUND = """
            {
              "type": "https://doseledger.org/problems/product-not-found",
              "title": "Not found",
              "status": 404,
              "detail": "Unknown product '42023-0114-10'",
              "instance": "/api/practices/springfield/stock/lots/safe-1/42023-0114-10/K2611/receipts",
              "code": "PRODUCT_NOT_FOUND",
              "requestId": "fae19c6b-1a3f-4ded-8f94-800f61679a49"
            }
            """;

    /** 409 LOT_EXPIRY_MISMATCH: The expiry differs from the lot's. */
    static final String RECEIVE_LOT_EXPIRY_MISMATCH = """
            {
              "type": "https://doseledger.org/problems/lot-expiry-mismatch",
              "title": "Ledger rule violated",
              "status": 409,
              "detail": "The lot K2611 of 42023-0113-10 at safe-1 expires on 2027-09-30, but this receipt says 2027-10-31",
              "instance": "/api/practices/springfield/stock/lots/safe-1/42023-0113-10/K2611/receipts",
              "code": "LOT_EXPIRY_MISMATCH",
              "requestId": "fe858fc0-e381-4d6b-9d9c-3706f8b8487f"
            }
            """;

    /** Request: 1.6 mL for a client's session. */
    static final String DRAW_REQUEST = """
            {
              "quantity": {"amount": "1.6", "unit": "ML"},
              "clientId": "c-1001",
              "sessionId": "s-1",
              "drawnBy": "rn-1",
              "occurredAt": "2026-11-26T15:00:00Z"
            }
            """;

    /** Request: Recorded more than 24 h after it occurred: reason and co-signer. */
    static final String DRAW_REQUEST_LATE_ENTRY = """
            {
              "quantity": {"amount": "1.25", "unit": "ML"},
              "clientId": "c-1001",
              "sessionId": "s-0",
              "drawnBy": "rn-1",
              "occurredAt": "2026-11-24T15:00:00Z",
              "lateEntry": {"reason": "paper log entered after EHR outage", "cosignedBy": "md-1"}
            }
            """;

    /** 201: The receipt: the draw id and the appended event. */
    static final String DRAW_CREATED = """
            {
              "id": "61f4c346-e2d7-4b36-800e-50ba987d5b15",
              "ledgerPosition": 24,
              "events": [
                {
                  "eventId": "8a70b12e-8761-4bd0-b326-a1eb6f570189",
                  "eventType": "DoseDrawn",
                  "ledgerPosition": 24
                }
              ]
            }
            """;

    /** 400 VALIDATION_FAILED: Bad client id, occurredAt in the future, 4 decimals. */
    static final String DRAW_VALIDATION_FAILED = """
            {
              "type": "https://doseledger.org/problems/validation-failed",
              "title": "Invalid request",
              "status": 400,
              "detail": "clientId: must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit; occurredAt: must be a date in the past or in the present; quantity.validQuantity: must be greater than zero, with at most 3 decimals for ML and none for EACH or DEVICE",
              "instance": "/api/practices/springfield/stock/lots/safe-1/42023-0113-10/K2611/draws",
              "code": "VALIDATION_FAILED",
              "errors": [
                {
                  "field": "clientId",
                  "message": "must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit"
                },
                {"field": "occurredAt", "message": "must be a date in the past or in the present"},
                {
                  "field": "quantity.validQuantity",
                  "message": "must be greater than zero, with at most 3 decimals for ML and none for EACH or DEVICE"
                }
              ],
              "requestId": "5c8273a7-aa34-424b-998f-a8a5d106127c"
            }
            """;

    /** 404 LOT_NOT_FOUND: No stock of this lot was ever received here. */
    static final String DRAW_LOT_NOT_FOUND = """
            {
              "type": "https://doseledger.org/problems/lot-not-found",
              "title": "Not found",
              "status": 404,
              "detail": "Unknown lot 'NOPE1'",
              "instance": "/api/practices/springfield/stock/lots/safe-1/42023-0113-10/NOPE1/draws",
              "code": "LOT_NOT_FOUND",
              "requestId": "d3f229be-5f19-4e9a-b9cc-e189db5b96ed"
            }
            """;

    /** 404 CLIENT_NOT_FOUND: Unknown client. */
    static final String DRAW_CLIENT_NOT_FOUND = """
            {
              "type": "https://doseledger.org/problems/client-not-found",
              "title": "Not found",
              "status": 404,
              "detail": "Unknown client 'c-9999'",
              "instance": "/api/practices/springfield/stock/lots/safe-1/42023-0113-10/K2611/draws",
              "code": "CLIENT_NOT_FOUND",
              "requestId": "c28c4783-9038-4f7c-ac24-692f405d4192"
            }
            """;

    /** 409 INSUFFICIENT_STOCK: More than the lot holds. */
    static final String DRAW_INSUFFICIENT_STOCK = """
            {
              "type": "https://doseledger.org/problems/insufficient-stock",
              "title": "Ledger rule violated",
              "status": 409,
              "detail": "Cannot take 60 ML from lot K2611 of 42023-0113-10 at safe-1: only 48.4 ML on hand",
              "instance": "/api/practices/springfield/stock/lots/safe-1/42023-0113-10/K2611/draws",
              "code": "INSUFFICIENT_STOCK",
              "requestId": "55d27fa1-4e70-4687-ab5d-3c5ec29c7e90"
            }
            """;

    /** 409 LATE_ENTRY_NEEDS_REASON: Recorded more than 24 h late without lateEntry. */
    static final String DRAW_LATE_ENTRY_NEEDS_REASON = """
            {
              "type": "https://doseledger.org/problems/late-entry-needs-reason",
              "title": "Ledger rule violated",
              "status": 409,
              "detail": "The entry occurred at 2026-11-24T15:00:00Z and is recorded at 2026-11-26T23:08:47.095884485Z, more than 24 h later: give lateEntry.reason and lateEntry.cosignedBy",
              "instance": "/api/practices/springfield/stock/lots/safe-1/42023-0113-10/K2611/draws",
              "code": "LATE_ENTRY_NEEDS_REASON",
              "requestId": "26b3b366-c165-4b11-8a25-e9b1fb994735"
            }
            """;

    /** Request: 1.5 mL of the draw, intramuscular. */
    static final String ADMINISTER_REQUEST = """
            {
              "quantity": {"amount": "1.5", "unit": "ML"},
              "route": "IM",
              "administeredBy": "rn-1",
              "occurredAt": "2026-11-26T15:10:00Z"
            }
            """;

    /** 201: The receipt: the draw id and the appended event. */
    static final String ADMINISTER_CREATED = """
            {
              "id": "61f4c346-e2d7-4b36-800e-50ba987d5b15",
              "ledgerPosition": 25,
              "events": [
                {
                  "eventId": "e3d32e4c-a9b0-44ca-928e-7d5b20cffed1",
                  "eventType": "DoseAdministered",
                  "ledgerPosition": 25
                }
              ]
            }
            """;

    /** 400 VALIDATION_FAILED: No route, no practitioner. */
    static final String ADMINISTER_VALIDATION_FAILED = """
            {
              "type": "https://doseledger.org/problems/validation-failed",
              "title": "Invalid request",
              "status": 400,
              "detail": "administeredBy: must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit; administeredBy: must not be blank; route: must not be null",
              "instance": "/api/practices/springfield/stock/lots/safe-1/42023-0113-10/K2611/draws/61f4c346-e2d7-4b36-800e-50ba987d5b15/administrations",
              "code": "VALIDATION_FAILED",
              "errors": [
                {"field": "administeredBy", "message": "must not be blank"},
                {"field": "route", "message": "must not be null"},
                {
                  "field": "administeredBy",
                  "message": "must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit"
                }
              ],
              "requestId": "87d7dabd-c719-4a0f-a130-cf79655ee09d"
            }
            """;

    /** 404 DRAW_NOT_FOUND: Unknown draw. */
    static final String ADMINISTER_DRAW_NOT_FOUND = """
            {
              "type": "https://doseledger.org/problems/draw-not-found",
              "title": "Not found",
              "status": 404,
              "detail": "Unknown draw '00000000-0000-0000-0000-000000000000'",
              "instance": "/api/practices/springfield/stock/lots/safe-1/42023-0113-10/K2611/draws/00000000-0000-0000-0000-000000000000/administrations",
              "code": "DRAW_NOT_FOUND",
              "requestId": "3cceecf7-8482-4d4e-8a8f-4430e11ce4d8"
            }
            """;

    /** 409 DRAW_OVER_ACCOUNTED: More than the draw has left. */
    static final String ADMINISTER_DRAW_OVER_ACCOUNTED = """
            {
              "type": "https://doseledger.org/problems/draw-over-accounted",
              "title": "Ledger rule violated",
              "status": 409,
              "detail": "Draw 61f4c346-e2d7-4b36-800e-50ba987d5b15 has only 1.6 ML left to account for, not 2 ML",
              "instance": "/api/practices/springfield/stock/lots/safe-1/42023-0113-10/K2611/draws/61f4c346-e2d7-4b36-800e-50ba987d5b15/administrations",
              "code": "DRAW_OVER_ACCOUNTED",
              "requestId": "9b5b26ae-5416-4b04-9d37-6724a5e92aa4"
            }
            """;

    /** Request: The 0.1 mL left in the syringe, before a witness. */
    static final String WASTE_REQUEST = """
            {
              "quantity": {"amount": "0.1", "unit": "ML"},
              "method": "expelled into drug disposal container",
              "wastedBy": "rn-1",
              "witnessedBy": "rn-2",
              "occurredAt": "2026-11-26T15:12:00Z"
            }
            """;

    /** 201: The waste completes the draw. */
    static final String WASTE_CREATED = """
            {
              "id": "61f4c346-e2d7-4b36-800e-50ba987d5b15",
              "ledgerPosition": 27,
              "events": [
                {
                  "eventId": "bb973044-3aa9-47e2-a25a-bba357238baa",
                  "eventType": "DoseWasted",
                  "ledgerPosition": 26
                },
                {
                  "eventId": "56c5dce9-4d7a-48e0-bc5b-d3e6a0cdcdaf",
                  "eventType": "DrawAccountedFor",
                  "ledgerPosition": 27
                }
              ]
            }
            """;

    /** 400 VALIDATION_FAILED: No method, no witness. */
    static final String WASTE_VALIDATION_FAILED = """
            {
              "type": "https://doseledger.org/problems/validation-failed",
              "title": "Invalid request",
              "status": 400,
              "detail": "method: must not be blank; witnessedBy: must not be blank",
              "instance": "/api/practices/springfield/stock/lots/safe-1/42023-0113-10/K2611/draws/61f4c346-e2d7-4b36-800e-50ba987d5b15/waste",
              "code": "VALIDATION_FAILED",
              "errors": [
                {"field": "method", "message": "must not be blank"},
                {"field": "witnessedBy", "message": "must not be blank"}
              ],
              "requestId": "23c73547-1f30-4d18-8311-d95497f7214c"
            }
            """;

    /** 404 DRAW_NOT_FOUND: Unknown draw. */
    static final String WASTE_DRAW_NOT_FOUND = """
            {
              "type": "https://doseledger.org/problems/draw-not-found",
              "title": "Not found",
              "status": 404,
              "detail": "Unknown draw '00000000-0000-0000-0000-000000000000'",
              "instance": "/api/practices/springfield/stock/lots/safe-1/42023-0113-10/K2611/draws/00000000-0000-0000-0000-000000000000/waste",
              "code": "DRAW_NOT_FOUND",
              "requestId": "eb0a273b-255b-461f-a4f9-de6760cfc4ec"
            }
            """;

    /** 409 WASTE_NOT_BY_DRAWER: Wasted by someone other than who drew it. */
    static final String WASTE_WASTE_NOT_BY_DRAWER = """
            {
              "type": "https://doseledger.org/problems/waste-not-by-drawer",
              "title": "Ledger rule violated",
              "status": 409,
              "detail": "Draw 61f4c346-e2d7-4b36-800e-50ba987d5b15 was drawn by rn-1; rn-2 cannot waste it",
              "instance": "/api/practices/springfield/stock/lots/safe-1/42023-0113-10/K2611/draws/61f4c346-e2d7-4b36-800e-50ba987d5b15/waste",
              "code": "WASTE_NOT_BY_DRAWER",
              "requestId": "1d990bac-79c7-421d-802a-484195f1e609"
            }
            """;

    /** 409 SECOND_PERSON_REQUIRED: The witness is the person wasting. */
    static final String WASTE_SECOND_PERSON_REQUIRED = """
            {
              "type": "https://doseledger.org/problems/second-person-required",
              "title": "Ledger rule violated",
              "status": 409,
              "detail": "A witness by a practitioner other than rn-1 is required",
              "instance": "/api/practices/springfield/stock/lots/safe-1/42023-0113-10/K2611/draws/61f4c346-e2d7-4b36-800e-50ba987d5b15/waste",
              "code": "SECOND_PERSON_REQUIRED",
              "requestId": "d8c60114-b4f7-487c-976f-e5f6a94fe474"
            }
            """;

    /** 409 DRAW_ALREADY_ACCOUNTED_FOR: The draw is already accounted for. */
    static final String WASTE_DRAW_ALREADY_ACCOUNTED_FOR = """
            {
              "type": "https://doseledger.org/problems/draw-already-accounted-for",
              "title": "Ledger rule violated",
              "status": 409,
              "detail": "Draw 61f4c346-e2d7-4b36-800e-50ba987d5b15 is already fully accounted for",
              "instance": "/api/practices/springfield/stock/lots/safe-1/42023-0113-10/K2611/draws/61f4c346-e2d7-4b36-800e-50ba987d5b15/waste",
              "code": "DRAW_ALREADY_ACCOUNTED_FOR",
              "requestId": "b0991aba-e0e4-429a-9e5c-ad2b0b10e5fb"
            }
            """;

    /** Request: 2 mL, a 7-day supply, on the prescriber's prescription. */
    static final String DISPENSE_REQUEST = """
            {
              "quantity": {"amount": "2", "unit": "ML"},
              "route": "SUBLINGUAL",
              "clientId": "c-1001",
              "prescribedBy": "md-1",
              "dispensedBy": "rn-1",
              "daysSupply": 7,
              "prescription": {
                "number": "RX-2026-0142",
                "writtenOn": "2026-11-24",
                "refillsAuthorized": 0,
                "paymentType": "PRIVATE_PAY"
              },
              "occurredAt": "2026-11-26T15:30:00Z"
            }
            """;

    /** 409 INVALID_PRESCRIPTION: written more than six months before the dispensing. */
    static final String DISPENSE_INVALID_PRESCRIPTION = """
            {
              "type": "https://doseledger.org/problems/invalid-prescription",
              "title": "Ledger rule violated",
              "status": 409,
              "detail": "Prescription RX-2026-0142 written on 2026-05-02 cannot be dispensed on 2026-11-26: a Schedule III prescription is filled within six months of being written",
              "instance": "/api/practices/springfield/stock/lots/safe-1/42023-0113-10/K2611/dispensations",
              "code": "INVALID_PRESCRIPTION",
              "requestId": "4b1f6a0e-1f37-4c55-9d0b-2f1f5e0c9a41"
            }
            """;

    /** 201: The receipt: the dispensation id and the appended event. */
    static final String DISPENSE_CREATED = """
            {
              "id": "fe1873f0-ecc2-46b9-bfd8-433f34665c6f",
              "ledgerPosition": 28,
              "events": [
                {
                  "eventId": "db35144d-0a91-49f3-a865-4ffd73ec35ab",
                  "eventType": "DoseDispensed",
                  "ledgerPosition": 28
                }
              ]
            }
            """;

    /** 400 VALIDATION_FAILED: daysSupply of 0. */
    static final String DISPENSE_VALIDATION_FAILED = """
            {
              "type": "https://doseledger.org/problems/validation-failed",
              "title": "Invalid request",
              "status": 400,
              "detail": "daysSupply: must be greater than 0",
              "instance": "/api/practices/springfield/stock/lots/safe-1/42023-0113-10/K2611/dispensations",
              "code": "VALIDATION_FAILED",
              "errors": [{"field": "daysSupply", "message": "must be greater than 0"}],
              "requestId": "90db3479-20c0-47ec-8cc8-e7f75c922554"
            }
            """;

    /** 404 CLIENT_NOT_FOUND: Unknown client. */
    static final String DISPENSE_CLIENT_NOT_FOUND = """
            {
              "type": "https://doseledger.org/problems/client-not-found",
              "title": "Not found",
              "status": 404,
              "detail": "Unknown client 'c-9999'",
              "instance": "/api/practices/springfield/stock/lots/safe-1/42023-0113-10/K2611/dispensations",
              "code": "CLIENT_NOT_FOUND",
              "requestId": "182b136c-bb1c-44a7-a939-6e524f1e5710"
            }
            """;

    /** 409 INSUFFICIENT_STOCK: More than the lot holds. */
    static final String DISPENSE_INSUFFICIENT_STOCK = """
            {
              "type": "https://doseledger.org/problems/insufficient-stock",
              "title": "Ledger rule violated",
              "status": 409,
              "detail": "Cannot take 60 ML from lot K2611 of 42023-0113-10 at safe-1: only 46.4 ML on hand",
              "instance": "/api/practices/springfield/stock/lots/safe-1/42023-0113-10/K2611/dispensations",
              "code": "INSUFFICIENT_STOCK",
              "requestId": "218e9273-ca0b-4ce8-a924-3e0784995460"
            }
            """;

    /** 409 PRACTITIONER_NOT_AUTHORIZED: prescribedBy is not a prescriber. */
    static final String DISPENSE_PRACTITIONER_NOT_AUTHORIZED = """
            {
              "type": "https://doseledger.org/problems/practitioner-not-authorized",
              "title": "Ledger rule violated",
              "status": 409,
              "detail": "Practitioner rn-2 may not prescribe: roles [NURSE] do not allow it",
              "instance": "/api/practices/springfield/stock/lots/safe-1/42023-0113-10/K2611/dispensations",
              "code": "PRACTITIONER_NOT_AUTHORIZED",
              "requestId": "e83e2215-a84f-44c3-b170-3900242a283e"
            }
            """;

    /** Request: One vial's worth to the second safe, witnessed. */
    static final String TRANSFER_REQUEST = """
            {
              "toLocationId": "safe-2",
              "quantity": {"amount": "10", "unit": "ML"},
              "transferredBy": "rn-1",
              "witnessedBy": "rn-2",
              "occurredAt": "2026-11-26T16:00:00Z"
            }
            """;

    /** 201: StockTransferredOut here, StockTransferredIn there. */
    static final String TRANSFER_CREATED = """
            {
              "id": "3ec247cc-bbbd-45f9-adba-fe054e661836",
              "ledgerPosition": 30,
              "events": [
                {
                  "eventId": "8cc56d1d-c561-4f6d-923c-87bccd0b72a3",
                  "eventType": "StockTransferredOut",
                  "ledgerPosition": 29
                },
                {
                  "eventId": "d52a251d-d53d-40cb-bacb-ac8cf3f6ccae",
                  "eventType": "StockTransferredIn",
                  "ledgerPosition": 30
                }
              ]
            }
            """;

    /** 400 VALIDATION_FAILED: No destination. */
    static final String TRANSFER_VALIDATION_FAILED = """
            {
              "type": "https://doseledger.org/problems/validation-failed",
              "title": "Invalid request",
              "status": 400,
              "detail": "toLocationId: must not be blank",
              "instance": "/api/practices/springfield/stock/lots/safe-1/42023-0113-10/K2611/transfers",
              "code": "VALIDATION_FAILED",
              "errors": [{"field": "toLocationId", "message": "must not be blank"}],
              "requestId": "65f415d0-9564-499e-8d4f-cd160ed5750f"
            }
            """;

    /** 404 LOCATION_NOT_FOUND: Unknown destination. */
    static final String TRANSFER_LOCATION_NOT_FOUND = """
            {
              "type": "https://doseledger.org/problems/location-not-found",
              "title": "Not found",
              "status": 404,
              "detail": "Unknown location 'safe-9'",
              "instance": "/api/practices/springfield/stock/lots/safe-1/42023-0113-10/K2611/transfers",
              "code": "LOCATION_NOT_FOUND",
              "requestId": "aa787e64-7a26-444f-b528-006bc56ead23"
            }
            """;

    /** 409 INSUFFICIENT_STOCK: More than the lot holds. */
    static final String TRANSFER_INSUFFICIENT_STOCK = """
            {
              "type": "https://doseledger.org/problems/insufficient-stock",
              "title": "Ledger rule violated",
              "status": 409,
              "detail": "Cannot take 100 ML from lot K2611 of 42023-0113-10 at safe-1: only 36.4 ML on hand",
              "instance": "/api/practices/springfield/stock/lots/safe-1/42023-0113-10/K2611/transfers",
              "code": "INSUFFICIENT_STOCK",
              "requestId": "a480e2dd-f054-4758-9a83-b0d3f290fcac"
            }
            """;

    /** 409 TRANSFER_TO_SAME_LOCATION: The destination is the lot's own location. */
    static final String TRANSFER_TRANSFER_TO_SAME_LOCATION = """
            {
              "type": "https://doseledger.org/problems/transfer-to-same-location",
              "title": "Ledger rule violated",
              "status": 409,
              "detail": "The lot K2611 of 42023-0113-10 at safe-1 cannot be transferred to its own location",
              "instance": "/api/practices/springfield/stock/lots/safe-1/42023-0113-10/K2611/transfers",
              "code": "TRANSFER_TO_SAME_LOCATION",
              "requestId": "399be155-0fcf-4a09-8a79-3b301969658e"
            }
            """;

    /** Request: A recalled vial back to a reverse distributor. */
    static final String RETURN_REQUEST = """
            {
              "quantity": {"amount": "10", "unit": "ML"},
              "returnedTo": {
                "name": "Guaranteed Returns",
                "address": {"line1": "100 Colin Dr", "city": "Holbrook", "state": "NY", "postalCode": "11741"},
                "deaNumber": "BJ6125341"
              },
              "reason": "Recalled by the manufacturer",
              "returnedBy": "rn-1",
              "witnessedBy": "rn-2",
              "occurredAt": "2026-11-26T16:10:00Z"
            }
            """;

    /** 201: The receipt: the return id and the appended event. */
    static final String RETURN_CREATED = """
            {
              "id": "0c2ad84d-5ff1-43a3-b067-36dbe38508c1",
              "ledgerPosition": 31,
              "events": [
                {
                  "eventId": "84e8c0a0-a963-4eb9-9a32-307a194ca160",
                  "eventType": "StockReturned",
                  "ledgerPosition": 31
                }
              ]
            }
            """;

    /** 400 VALIDATION_FAILED: No recipient, no reason. */
    static final String RETURN_VALIDATION_FAILED = """
            {
              "type": "https://doseledger.org/problems/validation-failed",
              "title": "Invalid request",
              "status": 400,
              "detail": "reason: must not be blank; returnedTo: must not be null",
              "instance": "/api/practices/springfield/stock/lots/safe-1/42023-0113-10/K2611/returns",
              "code": "VALIDATION_FAILED",
              "errors": [
                {"field": "returnedTo", "message": "must not be null"},
                {"field": "reason", "message": "must not be blank"}
              ],
              "requestId": "0d3331c1-dfe6-4d83-a0fe-24597ac14fa3"
            }
            """;

    /** 404 LOT_NOT_FOUND: No stock of this lot was ever received here. */
    static final String RETURN_LOT_NOT_FOUND = """
            {
              "type": "https://doseledger.org/problems/lot-not-found",
              "title": "Not found",
              "status": 404,
              "detail": "Unknown lot 'NOPE1'",
              "instance": "/api/practices/springfield/stock/lots/safe-1/42023-0113-10/NOPE1/returns",
              "code": "LOT_NOT_FOUND",
              "requestId": "bf88b1dd-91dd-4353-84bd-965874d82881"
            }
            """;

    /** 409 INSUFFICIENT_STOCK: More than the lot holds. */
    static final String RETURN_INSUFFICIENT_STOCK = """
            {
              "type": "https://doseledger.org/problems/insufficient-stock",
              "title": "Ledger rule violated",
              "status": 409,
              "detail": "Cannot take 100 ML from lot K2611 of 42023-0113-10 at safe-1: only 26.4 ML on hand",
              "instance": "/api/practices/springfield/stock/lots/safe-1/42023-0113-10/K2611/returns",
              "code": "INSUFFICIENT_STOCK",
              "requestId": "36661d99-a55f-432d-b8c6-b87d4e90c9ca"
            }
            """;

    /** Request: 15 mL of an expired lot, before two witnesses. */
    static final String DESTROY_REQUEST = """
            {
              "quantity": {"amount": "15", "unit": "ML"},
              "method": "chemical digestion (Rx Destroyer)",
              "place": "Springfield clinic, room 4",
              "destroyedBy": "rn-1",
              "witnessedBy": ["rn-2", "md-1"],
              "occurredAt": "2026-11-26T18:00:00Z"
            }
            """;

    /** 201: The receipt: the destruction id and the appended event. */
    static final String DESTROY_CREATED = """
            {
              "id": "7bb02449-cab3-4e3f-8861-6ac121d7f892",
              "ledgerPosition": 36,
              "events": [
                {
                  "eventId": "9ec31872-5cfa-4963-b6ec-955579cfafe2",
                  "eventType": "StockDestroyed",
                  "ledgerPosition": 36
                }
              ]
            }
            """;

    /** 400 VALIDATION_FAILED: No method, one witness. */
    static final String DESTROY_VALIDATION_FAILED = """
            {
              "type": "https://doseledger.org/problems/validation-failed",
              "title": "Invalid request",
              "status": 400,
              "detail": "method: must not be blank; witnessedBy: size must be between 2 and 2",
              "instance": "/api/practices/springfield/stock/lots/safe-2/42023-0113-10/OLD25/destructions",
              "code": "VALIDATION_FAILED",
              "errors": [
                {"field": "method", "message": "must not be blank"},
                {"field": "witnessedBy", "message": "size must be between 2 and 2"}
              ],
              "requestId": "e60963c3-dd1c-4273-89f6-f591ab167547"
            }
            """;

    /** 404 LOT_NOT_FOUND: No stock of this lot was ever received here. */
    static final String DESTROY_LOT_NOT_FOUND = """
            {
              "type": "https://doseledger.org/problems/lot-not-found",
              "title": "Not found",
              "status": 404,
              "detail": "Unknown lot 'NOPE1'",
              "instance": "/api/practices/springfield/stock/lots/safe-2/42023-0113-10/NOPE1/destructions",
              "code": "LOT_NOT_FOUND",
              "requestId": "dfb05eac-8c6b-4276-9fa2-61d24bbe876f"
            }
            """;

    /** 409 DESTRUCTION_NEEDS_TWO_WITNESSES: The person destroying is one of the witnesses. */
    static final String DESTROY_DESTRUCTION_NEEDS_TWO_WITNESSES = """
            {
              "type": "https://doseledger.org/problems/destruction-needs-two-witnesses",
              "title": "Ledger rule violated",
              "status": 409,
              "detail": "A destruction by rn-1 needs two different witnesses other than them, not [rn-2, rn-1]",
              "instance": "/api/practices/springfield/stock/lots/safe-2/42023-0113-10/OLD25/destructions",
              "code": "DESTRUCTION_NEEDS_TWO_WITNESSES",
              "requestId": "b0ec3c27-2232-4858-8a29-725a2dcd756a"
            }
            """;

    /** 409 INSUFFICIENT_STOCK: More than the lot holds. */
    static final String DESTROY_INSUFFICIENT_STOCK = """
            {
              "type": "https://doseledger.org/problems/insufficient-stock",
              "title": "Ledger rule violated",
              "status": 409,
              "detail": "Cannot take 50 ML from lot OLD25 of 42023-0113-10 at safe-2: only 5 ML on hand",
              "instance": "/api/practices/springfield/stock/lots/safe-2/42023-0113-10/OLD25/destructions",
              "code": "INSUFFICIENT_STOCK",
              "requestId": "da1014c0-be70-4a48-b2c0-57a9c1c6fcdf"
            }
            """;

    /** Request: A vial missing at the opening count, reported to the police. */
    static final String REPORT_LOSS_REQUEST = """
            {
              "quantity": {"amount": "10", "unit": "ML"},
              "lossType": "EMPLOYEE_PILFERAGE",
              "policeReport": {"agency": "Springfield PD", "reportNumber": "SPD-26-4471", "phone": "2175550911"},
              "description": "vial missing at opening count",
              "reportedBy": "md-1",
              "discoveredAt": "2026-11-26T19:00:00Z",
              "details": {"lostOn": "2026-11-25", "county": "Sangamon", "estimatedValueUsd": 42.00}
            }
            """;

    /** 201: The receipt: the loss id and the appended event. */
    static final String REPORT_LOSS_CREATED = """
            {
              "id": "422c6acd-81a4-4783-af22-68ed614bbdde",
              "ledgerPosition": 37,
              "events": [
                {
                  "eventId": "ad1af423-ae7e-427f-b39a-cd33ef54f2e8",
                  "eventType": "StockLossReported",
                  "ledgerPosition": 37
                }
              ]
            }
            """;

    /** 400 VALIDATION_FAILED: No loss type, no description. */
    static final String REPORT_LOSS_VALIDATION_FAILED = """
            {
              "type": "https://doseledger.org/problems/validation-failed",
              "title": "Invalid request",
              "status": 400,
              "detail": "description: must not be blank; lossType: must not be null",
              "instance": "/api/practices/springfield/stock/lots/safe-2/42023-0113-10/K2611/losses",
              "code": "VALIDATION_FAILED",
              "errors": [
                {"field": "description", "message": "must not be blank"},
                {"field": "lossType", "message": "must not be null"}
              ],
              "requestId": "26e9af64-703a-4b1f-971a-c3b6615542a6"
            }
            """;

    /** 400 MALFORMED_REQUEST: A loss type Form 106 does not know. */
    static final String REPORT_LOSS_MALFORMED_REQUEST = """
            {
              "type": "https://doseledger.org/problems/malformed-request",
              "title": "Malformed request body",
              "status": 400,
              "detail": "Field 'lossType' has value 'MISPLACED'; expected one of [BREAK_IN, ROBBERY, EMPLOYEE_PILFERAGE, CUSTOMER_THEFT, LOST_IN_TRANSIT, OTHER]",
              "instance": "/api/practices/springfield/stock/lots/safe-2/42023-0113-10/K2611/losses",
              "code": "MALFORMED_REQUEST",
              "requestId": "4d7ef80d-fade-4ffc-8411-542c51715f1e"
            }
            """;

    /** 404 LOT_NOT_FOUND: No stock of this lot was ever received here. */
    static final String REPORT_LOSS_LOT_NOT_FOUND = """
            {
              "type": "https://doseledger.org/problems/lot-not-found",
              "title": "Not found",
              "status": 404,
              "detail": "Unknown lot 'NOPE1'",
              "instance": "/api/practices/springfield/stock/lots/safe-2/42023-0113-10/NOPE1/losses",
              "code": "LOT_NOT_FOUND",
              "requestId": "25b30a79-cc71-497c-99ad-46f44922d056"
            }
            """;

    /** 409 INSUFFICIENT_STOCK: More than the lot holds. */
    static final String REPORT_LOSS_INSUFFICIENT_STOCK = """
            {
              "type": "https://doseledger.org/problems/insufficient-stock",
              "title": "Ledger rule violated",
              "status": 409,
              "detail": "Cannot take 10 ML from lot K2611 of 42023-0113-10 at safe-2: only 0 ML on hand",
              "instance": "/api/practices/springfield/stock/lots/safe-2/42023-0113-10/K2611/losses",
              "code": "INSUFFICIENT_STOCK",
              "requestId": "c8041beb-0597-4169-8741-3d8828b46f92"
            }
            """;

    /** Request: A shift-change count, opened vial estimated. */
    static final String COUNT_REQUEST = """
            {
              "kind": "SHIFT_CHANGE",
              "timing": "CLOSE_OF_BUSINESS",
              "counted": {"amount": "25.9", "unit": "ML"},
              "exact": false,
              "countedBy": "rn-1",
              "witnessedBy": "rn-2",
              "occurredAt": "2026-11-26T17:00:00Z"
            }
            """;

    /** 201: The count differs from the balance: a discrepancy opens. */
    static final String COUNT_CREATED = """
            {
              "id": "76f77346-2bfe-4586-a4da-a088be93fb94",
              "ledgerPosition": 33,
              "events": [
                {
                  "eventId": "4d48fd6c-0185-4893-a61e-e55ada6fd5ad",
                  "eventType": "StockCounted",
                  "ledgerPosition": 32
                },
                {
                  "eventId": "5ffefbc6-81d8-46e2-a0f3-c6efbdd16bfd",
                  "eventType": "DiscrepancyRecorded",
                  "ledgerPosition": 33
                }
              ]
            }
            """;

    /** 400 VALIDATION_FAILED: No kind, a negative amount. */
    static final String COUNT_VALIDATION_FAILED = """
            {
              "type": "https://doseledger.org/problems/validation-failed",
              "title": "Invalid request",
              "status": 400,
              "detail": "counted.amount: must be greater than or equal to 0; kind: must not be null",
              "instance": "/api/practices/springfield/stock/lots/safe-1/42023-0113-10/K2611/counts",
              "code": "VALIDATION_FAILED",
              "errors": [
                {"field": "counted.amount", "message": "must be greater than or equal to 0"},
                {"field": "kind", "message": "must not be null"}
              ],
              "requestId": "ea350bbb-66d8-4f47-ab4e-e194d0d3b6fe"
            }
            """;

    /** 400 MALFORMED_REQUEST: A count kind the ledger does not know. */
    static final String COUNT_MALFORMED_REQUEST = """
            {
              "type": "https://doseledger.org/problems/malformed-request",
              "title": "Malformed request body",
              "status": 400,
              "detail": "Field 'kind' has value 'WEEKLY'; expected one of [INITIAL, BIENNIAL, ROUTINE, SHIFT_CHANGE]",
              "instance": "/api/practices/springfield/stock/lots/safe-1/42023-0113-10/K2611/counts",
              "code": "MALFORMED_REQUEST",
              "requestId": "f1be6dcc-527b-4e00-bc73-c3152daf0b5d"
            }
            """;

    /** 404 LOT_NOT_FOUND: No stock of this lot was ever received here. */
    static final String COUNT_LOT_NOT_FOUND = """
            {
              "type": "https://doseledger.org/problems/lot-not-found",
              "title": "Not found",
              "status": 404,
              "detail": "Unknown lot 'NOPE1'",
              "instance": "/api/practices/springfield/stock/lots/safe-1/42023-0113-10/NOPE1/counts",
              "code": "LOT_NOT_FOUND",
              "requestId": "06388af1-2ce4-41d6-9c52-0e0679a58013"
            }
            """;

    /** 409 SECOND_PERSON_REQUIRED: The witness is the person counting. */
    static final String COUNT_SECOND_PERSON_REQUIRED = """
            {
              "type": "https://doseledger.org/problems/second-person-required",
              "title": "Ledger rule violated",
              "status": 409,
              "detail": "A witness by a practitioner other than rn-1 is required",
              "instance": "/api/practices/springfield/stock/lots/safe-1/42023-0113-10/K2611/counts",
              "code": "SECOND_PERSON_REQUIRED",
              "requestId": "9f2976b1-bd5e-4d2e-b378-be72c80fa0ad"
            }
            """;

    /** Request: The count was right: book the difference. */
    static final String RESOLVE_REQUEST = """
            {
              "explanation": "overfill estimate of the opened vial; residue confirmed by second count",
              "adjustToCount": true,
              "resolvedBy": "rn-1",
              "approvedBy": "md-1",
              "occurredAt": "2026-11-26T17:30:00Z"
            }
            """;

    /** 201: The receipt: the discrepancy id and the appended event. */
    static final String RESOLVE_CREATED = """
            {
              "id": "76f77346-2bfe-4586-a4da-a088be93fb94",
              "ledgerPosition": 34,
              "events": [
                {
                  "eventId": "6c01e009-8ea8-46dc-8b2f-4581e0d8bb1f",
                  "eventType": "DiscrepancyResolved",
                  "ledgerPosition": 34
                }
              ]
            }
            """;

    /** 400 VALIDATION_FAILED: No explanation, no approver. */
    static final String RESOLVE_VALIDATION_FAILED = """
            {
              "type": "https://doseledger.org/problems/validation-failed",
              "title": "Invalid request",
              "status": 400,
              "detail": "approvedBy: must not be blank; explanation: must not be blank",
              "instance": "/api/practices/springfield/stock/lots/safe-1/42023-0113-10/K2611/discrepancies/76f77346-2bfe-4586-a4da-a088be93fb94/resolution",
              "code": "VALIDATION_FAILED",
              "errors": [
                {"field": "approvedBy", "message": "must not be blank"},
                {"field": "explanation", "message": "must not be blank"}
              ],
              "requestId": "f3adf7d3-3236-4d82-96f9-77e426862e73"
            }
            """;

    /** 404 DISCREPANCY_NOT_FOUND: Unknown discrepancy. */
    static final String RESOLVE_DISCREPANCY_NOT_FOUND = """
            {
              "type": "https://doseledger.org/problems/discrepancy-not-found",
              "title": "Not found",
              "status": 404,
              "detail": "Unknown discrepancy '00000000-0000-0000-0000-000000000000'",
              "instance": "/api/practices/springfield/stock/lots/safe-1/42023-0113-10/K2611/discrepancies/00000000-0000-0000-0000-000000000000/resolution",
              "code": "DISCREPANCY_NOT_FOUND",
              "requestId": "d0ff7c4c-3da8-4eed-8449-a6029cb29eda"
            }
            """;

    /** 409 DISCREPANCY_ALREADY_RESOLVED: The discrepancy is already resolved. */
    static final String RESOLVE_DISCREPANCY_ALREADY_RESOLVED = """
            {
              "type": "https://doseledger.org/problems/discrepancy-already-resolved",
              "title": "Ledger rule violated",
              "status": 409,
              "detail": "Discrepancy 76f77346-2bfe-4586-a4da-a088be93fb94 is already resolved",
              "instance": "/api/practices/springfield/stock/lots/safe-1/42023-0113-10/K2611/discrepancies/76f77346-2bfe-4586-a4da-a088be93fb94/resolution",
              "code": "DISCREPANCY_ALREADY_RESOLVED",
              "requestId": "7d7169f2-2b98-4a88-9937-23dd122815a4"
            }
            """;

    /** Request: A draw of 2 mL was really 1.9 mL. */
    static final String CORRECT_REQUEST = """
            {
              "correctedEventId": "6b25ab0a-76e0-49a4-99ae-fed926749b80",
              "correctedQuantity": {"amount": "1.9", "unit": "ML"},
              "reason": "syringe reading transcribed wrongly",
              "correctedBy": "rn-1",
              "approvedBy": "md-1",
              "occurredAt": "2026-11-26T21:05:00Z"
            }
            """;

    /** 201: The correction completes the draw. */
    static final String CORRECT_CREATED = """
            {
              "id": "704f0c81-f0e1-4475-b80d-7c787dfb19c2",
              "ledgerPosition": 44,
              "events": [
                {
                  "eventId": "dee494b1-0c7e-4d44-b512-4aebc991e562",
                  "eventType": "EntryCorrected",
                  "ledgerPosition": 43
                },
                {
                  "eventId": "5a728566-fa32-4cbc-8a92-9e00462a5b04",
                  "eventType": "DrawAccountedFor",
                  "ledgerPosition": 44
                }
              ]
            }
            """;

    /** 400 VALIDATION_FAILED: No event id, no reason. */
    static final String CORRECT_VALIDATION_FAILED = """
            {
              "type": "https://doseledger.org/problems/validation-failed",
              "title": "Invalid request",
              "status": 400,
              "detail": "correctedEventId: must match \\"[A-Za-z0-9-]{1,64}\\"; correctedEventId: must not be blank; reason: must not be blank",
              "instance": "/api/practices/springfield/stock/lots/safe-1/42023-0113-10/K2611/corrections",
              "code": "VALIDATION_FAILED",
              "errors": [
                {"field": "reason", "message": "must not be blank"},
                {"field": "correctedEventId", "message": "must match \\"[A-Za-z0-9-]{1,64}\\""},
                {"field": "correctedEventId", "message": "must not be blank"}
              ],
              "requestId": "d025ecf3-6c85-4be8-8184-66571f8d0b12"
            }
            """;

    /** 404 LOT_NOT_FOUND: No stock of this lot was ever received here. */
    static final String CORRECT_LOT_NOT_FOUND = """
            {
              "type": "https://doseledger.org/problems/lot-not-found",
              "title": "Not found",
              "status": 404,
              "detail": "Unknown lot 'NOPE1'",
              "instance": "/api/practices/springfield/stock/lots/safe-1/42023-0113-10/NOPE1/corrections",
              "code": "LOT_NOT_FOUND",
              "requestId": "7ed06bdd-dbac-45a8-9caf-428ed89d307e"
            }
            """;

    /** 409 ENTRY_ALREADY_CORRECTED: The entry was already corrected. */
    static final String CORRECT_ENTRY_ALREADY_CORRECTED = """
            {
              "type": "https://doseledger.org/problems/entry-already-corrected",
              "title": "Ledger rule violated",
              "status": 409,
              "detail": "Entry d5189e71-d66a-4b1b-9c6d-b6c67e6a05bf was already corrected by 0596e4dd-cabe-40e8-8935-a61ea20ba06a",
              "instance": "/api/practices/springfield/stock/lots/safe-1/42023-0113-10/K2611/corrections",
              "code": "ENTRY_ALREADY_CORRECTED",
              "requestId": "8598f240-f2b6-4131-8650-4290c8a7a985"
            }
            """;

    /** 409 ENTRY_NOT_CORRECTABLE: A transfer is undone by a transfer back. */
    static final String CORRECT_ENTRY_NOT_CORRECTABLE = """
            {
              "type": "https://doseledger.org/problems/entry-not-correctable",
              "title": "Ledger rule violated",
              "status": 409,
              "detail": "Entry 8cc56d1d-c561-4f6d-923c-87bccd0b72a3 cannot be corrected: a transfer is undone by a transfer back, which both locations see",
              "instance": "/api/practices/springfield/stock/lots/safe-1/42023-0113-10/K2611/corrections",
              "code": "ENTRY_NOT_CORRECTABLE",
              "requestId": "79425a78-950a-46a8-bae7-729a75279145"
            }
            """;

    /** 200: A lot after a month's first week. */
    static final String LOT_OK = """
            {
              "locationId": "safe-1",
              "ndc": "42023-0113-10",
              "lotNumber": "K2611",
              "substance": "KETAMINE",
              "unit": "ML",
              "milligramsPerUnit": 50,
              "expiresOn": "2027-09-30",
              "onHand": 25.9,
              "onHandMilligrams": 1295,
              "openDraws": 0,
              "openDiscrepancies": 0,
              "lastCounted": 25.9,
              "lastCountedAt": "2026-11-26T17:00:00Z",
              "ledgerPosition": 34
            }
            """;

    /** 400 VALIDATION_FAILED: An NDC without hyphens. */
    static final String LOT_VALIDATION_FAILED = """
            {
              "type": "https://doseledger.org/problems/validation-failed",
              "title": "Invalid request",
              "status": 400,
              "detail": "ndc: must match \\"[0-9]{4,5}-[0-9]{3,4}-[0-9]{1,2}\\"",
              "instance": "/api/practices/springfield/stock/lots/safe-1/4202301131/K2611",
              "code": "VALIDATION_FAILED",
              "errors": [{"field": "ndc", "message": "must match \\"[0-9]{4,5}-[0-9]{3,4}-[0-9]{1,2}\\""}],
              "requestId": "10484f2c-302c-4c99-9a25-7d0864f6517b"
            }
            """;

    /** 404 LOT_NOT_FOUND: No stock of this lot was ever received here. */
    static final String LOT_LOT_NOT_FOUND = """
            {
              "type": "https://doseledger.org/problems/lot-not-found",
              "title": "Not found",
              "status": 404,
              "detail": "Unknown lot 'NOPE1'",
              "instance": "/api/practices/springfield/stock/lots/safe-1/42023-0113-10/NOPE1",
              "code": "LOT_NOT_FOUND",
              "requestId": "f0c87a3a-e447-4afa-be69-ccf249055dce"
            }
            """;

    /** 200: limit=3: a receipt, a draw and its administration. */
    static final String MOVEMENTS_OK = """
            [
              {
                "ledgerPosition": 23,
                "eventId": "dd026680-a305-42a4-a421-c6e2aaf83811",
                "movement": "RECEIVED",
                "quantity": 50,
                "milligrams": 2500,
                "balanceChange": 50,
                "balanceAfter": 50,
                "actor": "rn-1",
                "lateEntry": false,
                "occurredAt": "2026-11-26T14:00:00Z",
                "recordedAt": "2026-11-26T23:08:43.978181Z",
                "details": {
                  "lot": {
                    "ndc": "42023-0113-10",
                    "lotNumber": "K2611",
                    "locationId": "safe-1",
                    "practiceId": "springfield"
                  },
                  "quantity": {"unit": "ML", "amount": 50},
                  "strength": {"unit": "ML", "milligramsPerUnit": 50},
                  "supplier": {
                    "name": "Henry Schein",
                    "address": {
                      "city": "Melville",
                      "line1": "135 Duryea Rd",
                      "line2": null,
                      "state": "NY",
                      "postalCode": "11747"
                    },
                    "deaNumber": "PS1234563"
                  },
                  "expiresOn": "2027-09-30",
                  "lateEntry": null,
                  "receiptId": "278f5e87-417f-4ffa-8161-cd94ec35dcc9",
                  "substance": "KETAMINE",
                  "containers": 5,
                  "milligrams": 2500,
                  "occurredAt": "2026-11-26T14:00:00Z",
                  "receivedBy": "rn-1",
                  "balanceAfter": {"unit": "ML", "amount": 50},
                  "containerSize": {"unit": "ML", "amount": 10},
                  "invoiceNumber": "INV-2026-11-0412"
                }
              },
              {
                "ledgerPosition": 24,
                "eventId": "8a70b12e-8761-4bd0-b326-a1eb6f570189",
                "movement": "DRAWN",
                "quantity": 1.6,
                "milligrams": 80,
                "balanceChange": -1.6,
                "balanceAfter": 48.4,
                "drawId": "61f4c346-e2d7-4b36-800e-50ba987d5b15",
                "clientId": "c-1001",
                "actor": "rn-1",
                "lateEntry": false,
                "occurredAt": "2026-11-26T15:00:00Z",
                "recordedAt": "2026-11-26T23:08:44.249510Z",
                "details": {
                  "lot": {
                    "ndc": "42023-0113-10",
                    "lotNumber": "K2611",
                    "locationId": "safe-1",
                    "practiceId": "springfield"
                  },
                  "drawId": "61f4c346-e2d7-4b36-800e-50ba987d5b15",
                  "drawnBy": "rn-1",
                  "clientId": "c-1001",
                  "quantity": {"unit": "ML", "amount": 1.6},
                  "lateEntry": null,
                  "sessionId": "s-1",
                  "milligrams": 80,
                  "occurredAt": "2026-11-26T15:00:00Z",
                  "balanceAfter": {"unit": "ML", "amount": 48.4}
                }
              },
              {
                "ledgerPosition": 25,
                "eventId": "e3d32e4c-a9b0-44ca-928e-7d5b20cffed1",
                "movement": "ADMINISTERED",
                "quantity": 1.5,
                "milligrams": 75,
                "balanceChange": 0,
                "drawId": "61f4c346-e2d7-4b36-800e-50ba987d5b15",
                "clientId": "c-1001",
                "actor": "rn-1",
                "lateEntry": false,
                "occurredAt": "2026-11-26T15:10:00Z",
                "recordedAt": "2026-11-26T23:08:44.508138Z",
                "details": {
                  "lot": {
                    "ndc": "42023-0113-10",
                    "lotNumber": "K2611",
                    "locationId": "safe-1",
                    "practiceId": "springfield"
                  },
                  "route": "IM",
                  "drawId": "61f4c346-e2d7-4b36-800e-50ba987d5b15",
                  "clientId": "c-1001",
                  "quantity": {"unit": "ML", "amount": 1.5},
                  "lateEntry": null,
                  "milligrams": 75,
                  "occurredAt": "2026-11-26T15:10:00Z",
                  "administeredBy": "rn-1",
                  "unaccountedAfter": {"unit": "ML", "amount": 0.1}
                }
              }
            ]
            """;

    /** 400 VALIDATION_FAILED: limit above 1000. */
    static final String MOVEMENTS_VALIDATION_FAILED = """
            {
              "type": "https://doseledger.org/problems/validation-failed",
              "title": "Invalid request",
              "status": 400,
              "detail": "limit: must be less than or equal to 1000",
              "instance": "/api/practices/springfield/stock/lots/safe-1/42023-0113-10/K2611/movements",
              "code": "VALIDATION_FAILED",
              "errors": [{"field": "limit", "message": "must be less than or equal to 1000"}],
              "requestId": "cde9951d-87d9-4031-9455-9ad11473b083"
            }
            """;

    /** 404 PRACTICE_NOT_FOUND: Unknown practice. */
    static final String MOVEMENTS_PRACTICE_NOT_FOUND = """
            {
              "type": "https://doseledger.org/problems/practice-not-found",
              "title": "Not found",
              "status": 404,
              "detail": "Unknown practice 'shelbyville'",
              "instance": "/api/practices/shelbyville/stock/lots/safe-1/42023-0113-10/K2611/movements",
              "code": "PRACTICE_NOT_FOUND",
              "requestId": "abffe4e2-9096-464b-aafa-ef6f20eb2f7e"
            }
            """;

    /** 200: Drawn, administered, the rest wasted. */
    static final String DRAW_VIEW_OK = """
            {
              "drawId": "61f4c346-e2d7-4b36-800e-50ba987d5b15",
              "clientId": "c-1001",
              "drawnBy": "rn-1",
              "drawnAt": "2026-11-26T15:00:00Z",
              "status": "ACCOUNTED_FOR",
              "drawn": 1.6,
              "administered": 1.5,
              "wasted": 0.1,
              "movements": [
                {
                  "ledgerPosition": 24,
                  "eventId": "8a70b12e-8761-4bd0-b326-a1eb6f570189",
                  "movement": "DRAWN",
                  "quantity": 1.6,
                  "milligrams": 80,
                  "balanceChange": -1.6,
                  "balanceAfter": 48.4,
                  "drawId": "61f4c346-e2d7-4b36-800e-50ba987d5b15",
                  "clientId": "c-1001",
                  "actor": "rn-1",
                  "lateEntry": false,
                  "occurredAt": "2026-11-26T15:00:00Z",
                  "recordedAt": "2026-11-26T23:08:44.249510Z",
                  "details": {
                    "lot": {
                      "ndc": "42023-0113-10",
                      "lotNumber": "K2611",
                      "locationId": "safe-1",
                      "practiceId": "springfield"
                    },
                    "drawId": "61f4c346-e2d7-4b36-800e-50ba987d5b15",
                    "drawnBy": "rn-1",
                    "clientId": "c-1001",
                    "quantity": {"unit": "ML", "amount": 1.6},
                    "lateEntry": null,
                    "sessionId": "s-1",
                    "milligrams": 80,
                    "occurredAt": "2026-11-26T15:00:00Z",
                    "balanceAfter": {"unit": "ML", "amount": 48.4}
                  }
                },
                {
                  "ledgerPosition": 25,
                  "eventId": "e3d32e4c-a9b0-44ca-928e-7d5b20cffed1",
                  "movement": "ADMINISTERED",
                  "quantity": 1.5,
                  "milligrams": 75,
                  "balanceChange": 0,
                  "drawId": "61f4c346-e2d7-4b36-800e-50ba987d5b15",
                  "clientId": "c-1001",
                  "actor": "rn-1",
                  "lateEntry": false,
                  "occurredAt": "2026-11-26T15:10:00Z",
                  "recordedAt": "2026-11-26T23:08:44.508138Z",
                  "details": {
                    "lot": {
                      "ndc": "42023-0113-10",
                      "lotNumber": "K2611",
                      "locationId": "safe-1",
                      "practiceId": "springfield"
                    },
                    "route": "IM",
                    "drawId": "61f4c346-e2d7-4b36-800e-50ba987d5b15",
                    "clientId": "c-1001",
                    "quantity": {"unit": "ML", "amount": 1.5},
                    "lateEntry": null,
                    "milligrams": 75,
                    "occurredAt": "2026-11-26T15:10:00Z",
                    "administeredBy": "rn-1",
                    "unaccountedAfter": {"unit": "ML", "amount": 0.1}
                  }
                },
                {
                  "ledgerPosition": 26,
                  "eventId": "bb973044-3aa9-47e2-a25a-bba357238baa",
                  "movement": "WASTED",
                  "quantity": 0.1,
                  "milligrams": 5,
                  "balanceChange": 0,
                  "drawId": "61f4c346-e2d7-4b36-800e-50ba987d5b15",
                  "clientId": "c-1001",
                  "actor": "rn-1",
                  "witness": "rn-2",
                  "lateEntry": false,
                  "occurredAt": "2026-11-26T15:12:00Z",
                  "recordedAt": "2026-11-26T23:08:44.685437Z",
                  "details": {
                    "lot": {
                      "ndc": "42023-0113-10",
                      "lotNumber": "K2611",
                      "locationId": "safe-1",
                      "practiceId": "springfield"
                    },
                    "drawId": "61f4c346-e2d7-4b36-800e-50ba987d5b15",
                    "method": "expelled into drug disposal container",
                    "clientId": "c-1001",
                    "quantity": {"unit": "ML", "amount": 0.1},
                    "wastedBy": "rn-1",
                    "lateEntry": null,
                    "milligrams": 5,
                    "occurredAt": "2026-11-26T15:12:00Z",
                    "witnessedBy": "rn-2",
                    "unaccountedAfter": {"unit": "ML", "amount": 0}
                  }
                },
                {
                  "ledgerPosition": 27,
                  "eventId": "56c5dce9-4d7a-48e0-bc5b-d3e6a0cdcdaf",
                  "movement": "DRAW_ACCOUNTED_FOR",
                  "quantity": 1.6,
                  "balanceChange": 0,
                  "drawId": "61f4c346-e2d7-4b36-800e-50ba987d5b15",
                  "clientId": "c-1001",
                  "lateEntry": false,
                  "occurredAt": "2026-11-26T15:12:00Z",
                  "recordedAt": "2026-11-26T23:08:44.685437Z",
                  "details": {
                    "lot": {
                      "ndc": "42023-0113-10",
                      "lotNumber": "K2611",
                      "locationId": "safe-1",
                      "practiceId": "springfield"
                    },
                    "drawn": {"unit": "ML", "amount": 1.6},
                    "drawId": "61f4c346-e2d7-4b36-800e-50ba987d5b15",
                    "wasted": {"unit": "ML", "amount": 0.1},
                    "clientId": "c-1001",
                    "occurredAt": "2026-11-26T15:12:00Z",
                    "administered": {"unit": "ML", "amount": 1.5}
                  }
                }
              ]
            }
            """;

    /** 400 VALIDATION_FAILED: drawId with characters ids never have. */
    static final String DRAW_VIEW_VALIDATION_FAILED = """
            {
              "type": "https://doseledger.org/problems/validation-failed",
              "title": "Invalid request",
              "status": 400,
              "detail": "drawId: must match \\"[A-Za-z0-9-]{1,64}\\"",
              "instance": "/api/practices/springfield/stock/lots/safe-1/42023-0113-10/K2611/draws/not_a_draw",
              "code": "VALIDATION_FAILED",
              "errors": [{"field": "drawId", "message": "must match \\"[A-Za-z0-9-]{1,64}\\""}],
              "requestId": "fde0c414-e4c7-4acf-8caa-351ba6c07531"
            }
            """;

    /** 404 DRAW_NOT_FOUND: Unknown draw. */
    static final String DRAW_VIEW_DRAW_NOT_FOUND = """
            {
              "type": "https://doseledger.org/problems/draw-not-found",
              "title": "Not found",
              "status": 404,
              "detail": "Unknown draw '00000000-0000-0000-0000-000000000000'",
              "instance": "/api/practices/springfield/stock/lots/safe-1/42023-0113-10/K2611/draws/00000000-0000-0000-0000-000000000000",
              "code": "DRAW_NOT_FOUND",
              "requestId": "5b70d776-5432-41f9-9892-b11c67ff7eaa"
            }
            """;
}
