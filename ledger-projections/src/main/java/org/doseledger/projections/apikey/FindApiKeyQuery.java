package org.doseledger.projections.apikey;

/** Look up one API key by its public id. */
public record FindApiKeyQuery(String keyId) {}
