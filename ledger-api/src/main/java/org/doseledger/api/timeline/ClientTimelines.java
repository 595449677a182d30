package org.doseledger.api.timeline;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.doseledger.core.shared.ClientRef;
import org.doseledger.core.shared.UnknownRecordException;
import org.doseledger.projections.personaldata.PersonalDataReveal;
import org.doseledger.projections.timeline.ClientTimelineView;
import org.doseledger.projections.timeline.FindClientTimelineQuery;
import org.springframework.stereotype.Service;

/** A page of a client's timeline with its sealed personal data opened, as the API and the console show it. */
@Service
public class ClientTimelines {

    private final QueryGateway queries;
    private final PersonalDataReveal personalData;

    ClientTimelines(QueryGateway queries, PersonalDataReveal personalData) {
        this.queries = queries;
        this.personalData = personalData;
    }

    /** 404 CLIENT_NOT_FOUND for a client the practice does not have. */
    public ClientTimelineView page(ClientRef client, int offset, int limit) {
        return queries.query(
                        new FindClientTimelineQuery(client, offset, limit),
                        ResponseTypes.optionalInstanceOf(ClientTimelineView.class))
                .join()
                .map(personalData::reveal)
                .orElseThrow(() -> new UnknownRecordException("client", client.clientId()));
    }
}
