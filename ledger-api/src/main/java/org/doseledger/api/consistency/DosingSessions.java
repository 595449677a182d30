package org.doseledger.api.consistency;

import java.time.Instant;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.doseledger.core.shared.ClientRef;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.projections.consistency.DosingConsistencyView;
import org.doseledger.projections.consistency.FindDosingConsistencyQuery;
import org.doseledger.projections.personaldata.PersonalDataReveal;
import org.springframework.stereotype.Service;

/**
 * Dosing sessions judged for consistency, with each override's rationale opened for the reader (it is sealed
 * under the client's key), as the API, its CSV and the console read them.
 */
@Service
public class DosingSessions {

    private final QueryGateway queries;
    private final PersonalDataReveal personalData;

    DosingSessions(QueryGateway queries, PersonalDataReveal personalData) {
        this.queries = queries;
        this.personalData = personalData;
    }

    public DosingConsistencyView page(
            PracticeId practice, String client, String practitioner, Instant from, Instant to, int offset, int limit) {
        DosingConsistencyView view = queries.query(
                        new FindDosingConsistencyQuery(practice, client, practitioner, from, to, offset, limit),
                        ResponseTypes.instanceOf(DosingConsistencyView.class))
                .join();
        return new DosingConsistencyView(
                view.practiceId(),
                view.sessions().stream()
                        .map(session -> session.withOverrides(personalData.revealNested(
                                new ClientRef(practice, session.clientId()), session.overrides())))
                        .toList(),
                view.offset(),
                view.limit(),
                view.total());
    }
}
