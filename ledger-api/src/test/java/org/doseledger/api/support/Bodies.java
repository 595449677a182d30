package org.doseledger.api.support;

/** Valid request bodies, as practice software would send them. */
public final class Bodies {

    private Bodies() {}

    /** A DEA number is one registrant's: each practice of a test run gets its own, the same every time it is asked. */
    private static final java.util.Map<String, String> DEA_NUMBERS = new java.util.concurrent.ConcurrentHashMap<>();

    private static final java.util.concurrent.atomic.AtomicInteger NEXT_DEA =
            new java.util.concurrent.atomic.AtomicInteger(100_000 + new java.util.Random().nextInt(800_000));

    public static String practice(String practiceId) {
        return """
                {"practiceId":"%s","name":"Springfield Ketamine Clinic",
                 "address":{"line1":"1 Main St","city":"Springfield","state":"IL","postalCode":"62701"},
                 "deaNumber":"%s","deaRegistrationExpiresOn":"2028-06-30",
                 "authorizedSchedules":["III","IIIN","IV"],"timeZone":"America/Chicago"}
                """.formatted(practiceId, deaNumberOf(practiceId));
    }

    /** The DEA number {@link #practice} registers the practice with: a valid one of its own. */
    public static String deaNumberOf(String practiceId) {
        return DEA_NUMBERS.computeIfAbsent(practiceId, id -> deaNumber("BK", NEXT_DEA.getAndIncrement() % 1_000_000));
    }

    /** A DEA number with the two letters, six digits and their check digit. */
    public static String deaNumber(String letters, int sixDigits) {
        String digits = String.format("%06d", sixDigits);
        int[] d = digits.chars().map(c -> c - '0').toArray();
        int check = (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10;
        return letters + digits + check;
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
