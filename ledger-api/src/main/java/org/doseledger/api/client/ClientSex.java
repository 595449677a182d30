package org.doseledger.api.client;

/** A client's sex as the state PDMP file reports it (ASAP 4.2 PAT19: F, M, U). */
enum ClientSex {
    FEMALE,
    MALE,
    UNKNOWN
}
