package org.doseledger.api.support;

/** Valid request bodies, as practice software would send them. */
public final class Bodies {

    private Bodies() {}

    public static String practice(String practiceId) {
        return """
                {"practiceId":"%s","name":"Springfield Ketamine Clinic",
                 "address":{"line1":"1 Main St","city":"Springfield","state":"IL","postalCode":"62701"},
                 "deaNumber":"AB1234563","deaRegistrationExpiresOn":"2028-06-30",
                 "authorizedSchedules":["III","IIIN","IV"],"timeZone":"America/Chicago"}
                """.formatted(practiceId);
    }

    public static String client(String clientId, String occurredAt) {
        return """
                {"clientId":"%s","legalName":{"given":"Ada","family":"Lovelace"},"dateOfBirth":"1985-12-10",
                 "address":{"line1":"12 Elm St","city":"Springfield","state":"IL","postalCode":"62702"},
                 "occurredAt":"%s"}
                """.formatted(clientId, occurredAt);
    }

    public static String consent(String signedAt) {
        return """
                {"document":{"documentId":"KAP-CONSENT","version":"3","revisionDate":"2026-01-15"},
                 "signedAt":"%s","signedBy":"Ada Lovelace","witnessedBy":"Nurse Joy",
                 "risksAcknowledged":["dissociation","elevated blood pressure"],
                 "routes":["IM","SUBLINGUAL"],"careModels":["ADMINISTERED"]}
                """.formatted(signedAt);
    }

    public static String revocation(String effectiveAt) {
        return """
                {"effectiveAt":"%s","reason":"Client withdrew consent by phone"}
                """.formatted(effectiveAt);
    }
}
