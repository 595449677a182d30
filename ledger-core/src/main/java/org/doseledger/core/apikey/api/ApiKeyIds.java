package org.doseledger.core.apikey.api;

/** Stream identifiers of API keys. */
public final class ApiKeyIds {

    private ApiKeyIds() {}

    public static String aggregateId(String keyId) {
        return "api-key:" + keyId;
    }
}
