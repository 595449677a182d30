package org.doseledger.projections.timeline;

import org.doseledger.core.shared.ClientRef;

/** One consent of a client: what was signed and whether it was revoked. */
public record FindConsentQuery(ClientRef client, String consentId) {}
