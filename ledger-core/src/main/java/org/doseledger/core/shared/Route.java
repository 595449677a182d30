package org.doseledger.core.shared;

/** Route of administration. */
public enum Route {
    IM,
    IV,
    SUBLINGUAL,
    INTRANASAL,
    ORAL
}
