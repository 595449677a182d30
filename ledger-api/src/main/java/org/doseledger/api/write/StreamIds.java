package org.doseledger.api.write;

/**
 * Reads the stream identifiers of ledger-core ({@code practice:<id>}, {@code client:<practice>:<id>},
 * {@code api-key:<id>}) back into a kind of record and its own id, for error messages.
 */
final class StreamIds {

    private StreamIds() {}

    static String kind(String streamId) {
        int colon = streamId.indexOf(':');
        return colon < 0 ? "record" : streamId.substring(0, colon);
    }

    static String id(String streamId) {
        int colon = streamId.lastIndexOf(':');
        return colon < 0 ? streamId : streamId.substring(colon + 1);
    }
}
