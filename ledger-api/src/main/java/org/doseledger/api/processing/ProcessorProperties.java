package org.doseledger.api.processing;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;

/** Names of a processor's settings under {@code axon.eventhandling.processors.<name>}. */
final class ProcessorProperties {

    private ProcessorProperties() {}

    /** The dotted form matches the map key as properties and environment variables spell it. */
    static String of(String processor, String setting) {
        String dotted = "axon.eventhandling.processors." + processor + "." + setting;
        return ConfigurationPropertyName.isValid(dotted)
                ? dotted
                : "axon.eventhandling.processors[" + processor + "]." + setting;
    }
}
