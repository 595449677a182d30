package org.doseledger.api.apikey;

/**
 * Request and response examples of the API key endpoints in the OpenAPI document, as a running ledger
 * answered them. Annotation values must be compile-time constants, hence strings.
 */
final class ApiKeyExamples {

    private ApiKeyExamples() {}

    /** Request: A key for a practice's EHR integration. */
    static final String ISSUE_REQUEST = """
            {
              "role": "PRACTICE_WRITER",
              "practiceId": "springfield",
              "label": "EHR integration"
            }
            """;

    /** Request: A compliance officer's key that expires. */
    static final String ISSUE_REQUEST_COMPLIANCE_OFFICER = """
            {
              "role": "COMPLIANCE_OFFICER",
              "practiceId": "springfield",
              "label": "Compliance officer",
              "expiresAt": "2027-12-31T23:59:59Z"
            }
            """;

    /** Request: An ADMIN key: no practiceId. */
    static final String ISSUE_REQUEST_ADMIN = """
            {
              "role": "ADMIN",
              "label": "Second administrator"
            }
            """;

    /** 201: A PRACTICE_WRITER key. */
    static final String ISSUE_CREATED = """
            {
              "keyId": "71f44952ddf0551f",
              "apiKey": "dlk.71f44952ddf0551f.XgSPpvVh1WdTqiMEt8ppj_l1NLX_mjuBogErXFJ4EHQ",
              "role": "PRACTICE_WRITER",
              "practiceId": "springfield",
              "label": "EHR integration",
              "receipt": {
                "id": "71f44952ddf0551f",
                "ledgerPosition": 4,
                "events": [
                  {
                    "eventId": "9e241728-244e-409a-90b8-f1297e699a2b",
                    "eventType": "ApiKeyIssued",
                    "ledgerPosition": 4
                  }
                ]
              }
            }
            """;

    /** 201: A COMPLIANCE_OFFICER key that expires. */
    static final String ISSUE_CREATED_COMPLIANCE_OFFICER = """
            {
              "keyId": "ddf7cceea45227b5",
              "apiKey": "dlk.ddf7cceea45227b5.ruuSZUw8vBA0YBgU_p15PmewcIz56CFSpoHU-kEysdM",
              "role": "COMPLIANCE_OFFICER",
              "practiceId": "springfield",
              "label": "Compliance officer",
              "expiresAt": "2027-12-31T23:59:59Z",
              "receipt": {
                "id": "ddf7cceea45227b5",
                "ledgerPosition": 5,
                "events": [
                  {
                    "eventId": "b3c6324c-831e-404c-8135-b7da2e0dc3da",
                    "eventType": "ApiKeyIssued",
                    "ledgerPosition": 5
                  }
                ]
              }
            }
            """;

    /** 400 VALIDATION_FAILED: No label; a practice-scoped role without practiceId. */
    static final String ISSUE_VALIDATION_FAILED = """
            {
              "type": "https://doseledger.org/problems/validation-failed",
              "title": "Invalid request",
              "status": 400,
              "detail": "label: must not be blank; scopeConsistent: practiceId is required for PRACTICE_WRITER and COMPLIANCE_OFFICER, and must be absent for ADMIN",
              "instance": "/api/admin/api-keys",
              "code": "VALIDATION_FAILED",
              "errors": [
                {
                  "field": "scopeConsistent",
                  "message": "practiceId is required for PRACTICE_WRITER and COMPLIANCE_OFFICER, and must be absent for ADMIN"
                },
                {"field": "label", "message": "must not be blank"}
              ],
              "requestId": "7d39c918-4a91-4482-af3f-78e4019ca5ee"
            }
            """;

    /** 404 PRACTICE_NOT_FOUND: Unknown practice. */
    static final String ISSUE_PRACTICE_NOT_FOUND = """
            {
              "type": "https://doseledger.org/problems/practice-not-found",
              "title": "Not found",
              "status": 404,
              "detail": "Unknown practice 'shelbyville'",
              "instance": "/api/admin/api-keys",
              "code": "PRACTICE_NOT_FOUND",
              "requestId": "161904f4-3776-414a-84bf-7b92f35cdf29"
            }
            """;

    /** 200: The initial admin key and two practice keys. */
    static final String LIST_OK = """
            [
              {
                "keyId": "ca575d79c392d82a",
                "role": "ADMIN",
                "label": "initial admin key",
                "issuedAt": "2026-11-26T23:07:54.003192Z",
                "issuedBy": "system"
              },
              {
                "keyId": "71f44952ddf0551f",
                "role": "PRACTICE_WRITER",
                "practiceId": "springfield",
                "label": "EHR integration",
                "issuedAt": "2026-11-26T23:08:10.169054Z",
                "issuedBy": "ca575d79c392d82a"
              },
              {
                "keyId": "ddf7cceea45227b5",
                "role": "COMPLIANCE_OFFICER",
                "practiceId": "springfield",
                "label": "Compliance officer",
                "issuedAt": "2026-11-26T23:08:10.244408Z",
                "issuedBy": "ca575d79c392d82a",
                "expiresAt": "2027-12-31T23:59:59Z"
              }
            ]
            """;

    /** 200: A compliance officer's key. */
    static final String GET_OK = """
            {
              "keyId": "ddf7cceea45227b5",
              "role": "COMPLIANCE_OFFICER",
              "practiceId": "springfield",
              "label": "Compliance officer",
              "issuedAt": "2026-11-26T23:08:10.244408Z",
              "issuedBy": "ca575d79c392d82a",
              "expiresAt": "2027-12-31T23:59:59Z"
            }
            """;

    /** 400 VALIDATION_FAILED: keyId is not 16 hex digits. */
    static final String GET_VALIDATION_FAILED = """
            {
              "type": "https://doseledger.org/problems/validation-failed",
              "title": "Invalid request",
              "status": 400,
              "detail": "keyId: must match \\"[0-9a-f]{16}\\"",
              "instance": "/api/admin/api-keys/nothex",
              "code": "VALIDATION_FAILED",
              "errors": [{"field": "keyId", "message": "must match \\"[0-9a-f]{16}\\""}],
              "requestId": "d192c08c-c6cb-4946-aee9-5c3f4c8f86cc"
            }
            """;

    /** 404 API_KEY_NOT_FOUND: Unknown key. */
    static final String GET_API_KEY_NOT_FOUND = """
            {
              "type": "https://doseledger.org/problems/api-key-not-found",
              "title": "Not found",
              "status": 404,
              "detail": "Unknown api-key '0123456789abcdef'",
              "instance": "/api/admin/api-keys/0123456789abcdef",
              "code": "API_KEY_NOT_FOUND",
              "requestId": "7daa92ce-dffe-44c3-a093-c394bfa47a60"
            }
            """;

    /** Request: Why the key is revoked. */
    static final String REVOKE_REQUEST = """
            {
              "reason": "Compliance officer left the practice"
            }
            """;

    /** 201: The receipt: the key id and the appended event. */
    static final String REVOKE_CREATED = """
            {
              "id": "ddf7cceea45227b5",
              "ledgerPosition": 6,
              "events": [
                {
                  "eventId": "af7f66e9-ddf3-46d1-bc88-55de0445aec6",
                  "eventType": "ApiKeyRevoked",
                  "ledgerPosition": 6
                }
              ]
            }
            """;

    /** 400 VALIDATION_FAILED: No reason. */
    static final String REVOKE_VALIDATION_FAILED = """
            {
              "type": "https://doseledger.org/problems/validation-failed",
              "title": "Invalid request",
              "status": 400,
              "detail": "reason: must not be blank",
              "instance": "/api/admin/api-keys/ddf7cceea45227b5/revocation",
              "code": "VALIDATION_FAILED",
              "errors": [{"field": "reason", "message": "must not be blank"}],
              "requestId": "c622801a-b43a-4848-a8a2-02cdedb09187"
            }
            """;

    /** 404 API_KEY_NOT_FOUND: Unknown key. */
    static final String REVOKE_API_KEY_NOT_FOUND = """
            {
              "type": "https://doseledger.org/problems/api-key-not-found",
              "title": "Not found",
              "status": 404,
              "detail": "Unknown api-key '0123456789abcdef'",
              "instance": "/api/admin/api-keys/0123456789abcdef/revocation",
              "code": "API_KEY_NOT_FOUND",
              "requestId": "6a2652a2-d4cb-4dcf-b91f-e3e76289f70f"
            }
            """;

    /** 409 API_KEY_ALREADY_REVOKED: The key is already revoked. */
    static final String REVOKE_API_KEY_ALREADY_REVOKED = """
            {
              "type": "https://doseledger.org/problems/api-key-already-revoked",
              "title": "Ledger rule violated",
              "status": 409,
              "detail": "API key ddf7cceea45227b5 was already revoked at 2026-11-26T23:08:10.361290858Z",
              "instance": "/api/admin/api-keys/ddf7cceea45227b5/revocation",
              "code": "API_KEY_ALREADY_REVOKED",
              "requestId": "3054da54-af6c-46d1-8ce3-0845fc935a99"
            }
            """;

    /** Grant a REGULATOR key one more practice. */
    static final String GRANT_REQUEST = """
            {"practiceId": "springfield-kap", "reason": "DEA diversion investigation 2026-118"}
            """;

    /** End a REGULATOR key's access to one practice. */
    static final String WITHDRAW_REQUEST = """
            {"reason": "investigation 2026-118 closed"}
            """;
}
