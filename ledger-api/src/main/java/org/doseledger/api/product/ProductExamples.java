package org.doseledger.api.product;

/**
 * Request and response examples of the catalogue endpoints in the OpenAPI document, as a running ledger
 * answered them. Annotation values must be compile-time constants, hence strings.
 */
final class ProductExamples {

    private ProductExamples() {}

    /** Request: Ketamine HCl 50 mg/mL in 10 mL vials. */
    static final String REGISTER_REQUEST = """
            {
              "ndc": "42023-0113-10",
              "name": "Ketamine HCl 50 mg/mL",
              "substance": "KETAMINE",
              "dosageForm": "INJECTABLE_SOLUTION",
              "finishedForm": "ketamine HCl injection 50 mg/mL",
              "unit": "ML",
              "milligramsPerUnit": 50,
              "containerSize": 10
            }
            """;

    /** 201: The receipt: the NDC and the appended event. */
    static final String REGISTER_CREATED = """
            {
              "id": "42023-0113-10",
              "ledgerPosition": 15,
              "events": [
                {
                  "eventId": "828d8dd9-4f37-41cd-8cee-f2ede2c7e5d2",
                  "eventType": "ProductRegistered",
                  "ledgerPosition": 15
                }
              ]
            }
            """;

    /** 400 VALIDATION_FAILED: NDC without hyphens, container size 0. */
    static final String REGISTER_VALIDATION_FAILED = """
            {
              "type": "https://doseledger.org/problems/validation-failed",
              "title": "Invalid request",
              "status": 400,
              "detail": "containerSize: must be greater than 0; containerSizeValid: containerSize must have at most 3 decimals for ML and none for EACH or DEVICE; ndcValid: ndc must be a 4-4-2, 5-3-2, 5-4-1 or 5-4-2 NDC with hyphens",
              "instance": "/api/practices/springfield/products",
              "code": "VALIDATION_FAILED",
              "errors": [
                {
                  "field": "containerSizeValid",
                  "message": "containerSize must have at most 3 decimals for ML and none for EACH or DEVICE"
                },
                {"field": "containerSize", "message": "must be greater than 0"},
                {"field": "ndcValid", "message": "ndc must be a 4-4-2, 5-3-2, 5-4-1 or 5-4-2 NDC with hyphens"}
              ],
              "requestId": "68351543-9515-4d3e-bb7c-db63b3172253"
            }
            """;

    /** 404 PRACTICE_NOT_FOUND: Unknown practice. */
    static final String REGISTER_PRACTICE_NOT_FOUND = """
            {
              "type": "https://doseledger.org/problems/practice-not-found",
              "title": "Not found",
              "status": 404,
              "detail": "Unknown practice 'shelbyville'",
              "instance": "/api/practices/shelbyville/products",
              "code": "PRACTICE_NOT_FOUND",
              "requestId": "58188188-9cbb-42c0-884e-3dc4a35a3c63"
            }
            """;

    /** 409 PRODUCT_ALREADY_EXISTS: The NDC is already in the catalogue. */
    static final String REGISTER_PRODUCT_ALREADY_EXISTS = """
            {
              "type": "https://doseledger.org/problems/product-already-exists",
              "title": "Ledger rule violated",
              "status": 409,
              "detail": "A product with id '42023-0113-10' already exists",
              "instance": "/api/practices/springfield/products",
              "code": "PRODUCT_ALREADY_EXISTS",
              "requestId": "8cb6d1ce-8190-4e30-a939-c162a7d4c823"
            }
            """;

    /** 200: One ketamine product. */
    static final String LIST_OK = """
            [
              {
                "ndc": "42023-0113-10",
                "name": "Ketamine HCl 50 mg/mL",
                "substance": "KETAMINE",
                "schedule": "IIIN",
                "dosageForm": "INJECTABLE_SOLUTION",
                "finishedForm": "ketamine HCl injection 50 mg/mL",
                "milligramsPerUnit": 50,
                "unit": "ML",
                "containerSize": 10,
                "registeredAt": "2026-11-26T23:08:12.108196Z"
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
              "instance": "/api/practices/shelbyville/products",
              "code": "PRACTICE_NOT_FOUND",
              "requestId": "58188188-9cbb-42c0-884e-3dc4a35a3c63"
            }
            """;
}
