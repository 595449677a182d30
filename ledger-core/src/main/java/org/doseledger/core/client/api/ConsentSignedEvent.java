package org.doseledger.core.client.api;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.doseledger.core.shared.CareModel;
import org.doseledger.core.shared.ClientEvent;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.core.shared.Route;
import org.doseledger.core.shared.SealedPersonalData;

/**
 * A client signed informed consent: which document version, when, who signed and who witnessed,
 * the risks acknowledged, and the routes and care models it covers. {@code expiresAt} is null when
 * the consent does not expire. Who signed and who witnessed are names, sealed under the client's data
 * key like the client's own (revision 2; revision 1 held them in plaintext, docs/personal-data.md).
 */
@Revision("2")
public record ConsentSignedEvent(
        PracticeId practiceId,
        String clientId,
        String consentId,
        ConsentDocument document,
        Instant signedAt,
        SealedPersonalData signedBy,
        SealedPersonalData witnessedBy,
        List<String> risksAcknowledged,
        List<Route> routes,
        List<CareModel> careModels,
        Instant expiresAt)
        implements ClientEvent {

    @Override
    public Instant occurredAt() {
        return signedAt;
    }
}
