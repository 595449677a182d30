package org.doseledger.core.client.api;

import java.time.LocalDate;

/** The consent form a client signed: the practice's document id, its version and revision date. */
public record ConsentDocument(String documentId, String version, LocalDate revisionDate) {}
