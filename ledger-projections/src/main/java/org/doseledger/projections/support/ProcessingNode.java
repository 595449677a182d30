package org.doseledger.projections.support;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/**
 * The name of this service instance among those that share the database's streaming processors: the owner
 * of the segments it claims in {@code token_entry} and its row in {@code processor_node}.
 *
 * @param id {@code ledger.node-id} when set, otherwise the host's name and a random suffix (unique per start)
 */
public record ProcessingNode(String id) {

    static final int MAX_LENGTH = 255;

    public ProcessingNode {
        if (id == null || id.isBlank() || id.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "ledger.node-id must be 1 to " + MAX_LENGTH + " characters, not '" + id + "'");
        }
    }

    public static ProcessingNode of(String configured) {
        if (configured != null && !configured.isBlank()) {
            return new ProcessingNode(configured.strip());
        }
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "node";
        }
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        return new ProcessingNode(host.substring(0, Math.min(host.length(), MAX_LENGTH - 9)) + "/" + suffix);
    }
}
