package org.doseledger.core.shared;

/** An event about one client of one practice; it belongs on that client's timeline. */
public interface ClientEvent extends LedgerEvent {

    PracticeId practiceId();

    String clientId();
}
