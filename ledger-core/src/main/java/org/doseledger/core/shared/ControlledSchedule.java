package org.doseledger.core.shared;

/** DEA controlled-substance schedules a registration can authorize (N = non-narcotic). */
public enum ControlledSchedule {
    II,
    IIN,
    III,
    IIIN,
    IV,
    V
}
