package org.doseledger.api.session;

/** Request and response examples of the session endpoints, for the OpenAPI document. */
final class SessionExamples {

    private SessionExamples() {}

    static final String SCHEDULE_REQUEST = """
            {"sessionId":"s-2026-11-24-c1001","clientId":"c-1001","substance":"KETAMINE",
             "scheduledFor":"2026-11-24T15:00:00Z"}
            """;

    static final String START_REQUEST = """
            {"locationId":"room-1","monitoredBy":"rn-2","startedAt":"2026-11-24T15:02:00Z"}
            """;

    static final String VITALS_REQUEST = """
            {"systolicMmHg":128,"diastolicMmHg":82,"heartRateBpm":74,"spo2Percent":98,"takenBy":"rn-2",
             "takenAt":"2026-11-24T15:05:00Z"}
            """;

    static final String OBSERVATION_REQUEST = """
            {"kind":"ADVERSE_EVENT","severity":"MILD","description":"nausea at 25 min",
             "actionTaken":"ondansetron 4 mg ODT","recordedBy":"rn-2","occurredAt":"2026-11-24T15:27:00Z"}
            """;

    static final String DISCHARGE_REQUEST = """
            {"criteriaMet":true,"escort":"partner, Sam Lovelace","dischargedBy":"rn-2",
             "dischargedAt":"2026-11-24T16:45:00Z"}
            """;

    static final String CANCEL_REQUEST = """
            {"reason":"client unwell, rescheduled","occurredAt":"2026-11-24T13:00:00Z"}
            """;

    static final String RECORDED = """
            {"id":"s-2026-11-24-c1001","ledgerPosition":57,"events":[{"eventId":"f1c0d6b2-2a55-4c8e-bb7f-3f5a3d9e1c20",
             "eventType":"DosingSessionStarted","ledgerPosition":57}]}
            """;

    static final String REMS_FORM_REQUEST = """
            {"confirmationNumber":"REMS-77881","sedation":true,"dissociation":true,"respiratoryDepression":false,\
            "vitalSignsAcceptableBeforeAdministration":true,"vitalSignsAcceptableAtCompletion":true,\
            "readyToLeaveAfterMinutes":95,"submittedBy":"rn-2","occurredAt":"2026-11-25T10:00:00Z"}
            """;
}
