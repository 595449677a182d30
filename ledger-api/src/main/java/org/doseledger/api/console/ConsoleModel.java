package org.doseledger.api.console;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.doseledger.api.security.ApiCredential;
import org.doseledger.api.security.CurrentCredential;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.core.shared.UnknownRecordException;
import org.doseledger.projections.practice.FindPracticeQuery;
import org.doseledger.projections.practice.PracticeView;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What every page shows around its content: who is signed in, and the practice with its time zone. */
@Component
class ConsoleModel {

    private final QueryGateway queries;
    private final ConsoleAccounts accounts;

    ConsoleModel(QueryGateway queries, ConsoleAccounts accounts) {
        this.queries = queries;
        this.accounts = accounts;
    }

    ApiCredential signedIn(Model model) {
        ApiCredential credential = CurrentCredential.get();
        model.addAttribute("who", name(credential));
        model.addAttribute("role", credential.role());
        return credential;
    }

    /** The printed name of the signed-in person, as reviews record it. */
    String name(ApiCredential credential) {
        var signedIn = org.springframework.security.core.context.SecurityContextHolder.getContext()
                .getAuthentication();
        if (signedIn != null && signedIn.getDetails() instanceof String providerName) {
            // signed in through the identity provider: the name its ID token gives
            return providerName;
        }
        return accounts.nameOfKey(credential.id()).orElse(credential.id());
    }

    /** The practice of a page, its times, and who is signed in. */
    PracticeView practice(Model model, String practiceId) {
        signedIn(model);
        PracticeView practice = practice(PracticeId.of(practiceId));
        model.addAttribute("practice", practice);
        model.addAttribute("times", ConsoleTimes.of(practice.timeZone()));
        return practice;
    }

    PracticeView practice(PracticeId practiceId) {
        return queries.query(new FindPracticeQuery(practiceId), ResponseTypes.optionalInstanceOf(PracticeView.class))
                .join()
                .orElseThrow(() -> new UnknownRecordException("practice", practiceId.value()));
    }
}
