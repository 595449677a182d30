package org.doseledger.projections.apikey;

/** List every API key, revoked ones included, oldest first. */
public record FindApiKeysQuery() {}
