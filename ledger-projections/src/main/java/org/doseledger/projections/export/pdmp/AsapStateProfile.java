package org.doseledger.projections.export.pdmp;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What one state's PDMP asks of an ASAP 4.2 file beyond the standard: the segment terminator it expects,
 * fixed information-source values, elements the standard leaves optional but the state requires, and
 * the values to write when the ledger has none (e.g. PAT19 = U while the ledger records no gender).
 *
 * <p>Plain data: a deployment builds its own from configuration, starting from {@link #DEFAULT} and the
 * {@code with...} methods, e.g. {@code DEFAULT.named("XX").withTerminator('\\').requiring("PAT19")
 * .withDefault("PAT19", "U")}. Element ids are the segment id and the two-digit position, as the state
 * guides name them ({@code DSP16}).
 *
 * @param name the profile's name, quoted in errors
 * @param segmentTerminator declared in TH09; never {@code *}, a letter, a digit or a space
 * @param lineBreakAfterSegment whether a line feed follows each terminator (some states accept it, it
 *     makes files readable; the standard does not need it)
 * @param upperCase whether text values are written in upper case
 * @param informationSourceId IS01 fixed by the state (e.g. the id it assigned), or null: from the submission
 * @param informationSourceName IS02 fixed by the state, or null: from the submission
 * @param requiredElements elements required beyond {@link #STANDARD_REQUIRED}
 * @param defaultValues values written where the record has none, by element id
 */
public record AsapStateProfile(
        String name,
        char segmentTerminator,
        boolean lineBreakAfterSegment,
        boolean upperCase,
        String informationSourceId,
        String informationSourceName,
        Set<String> requiredElements,
        Map<String, String> defaultValues) {

    private static final Pattern ELEMENT_ID = Pattern.compile("(TH|IS|PHA|PAT|DSP|PRE|CDI|AIR|TP|TT)[0-9]{2}");

    /**
     * Elements marked required in the ASAP 4.2 element tables of the PMP Clearinghouse dispenser guides
     * that every state using them keeps (see docs/pdmp-asap.md); a zero report needs only its own.
     */
    public static final Set<String> STANDARD_REQUIRED = Set.of(
            "TH01", "TH02", "TH03", "TH05", "TH06", "TH07", "TH09", "IS01", "IS02", "PHA03", "PAT07", "PAT08", "PAT12",
            "PAT14", "PAT15", "PAT16", "PAT18", "DSP01", "DSP02", "DSP03", "DSP04", "DSP05", "DSP06", "DSP07", "DSP08",
            "DSP09", "DSP10", "DSP11", "DSP12", "DSP13", "PRE02", "PRE05", "PRE06", "CDI01", "CDI02", "CDI03", "CDI04",
            "CDI05", "TP01", "TT01", "TT02");

    /** The standard alone: {@code ~} terminator, upper case, no state extras. */
    public static final AsapStateProfile DEFAULT =
            new AsapStateProfile("DEFAULT", '~', false, true, null, null, Set.of(), Map.of());

    /**
     * An example of a stricter state, of the kind many PMP Clearinghouse states are: a backslash
     * terminator, patient gender, species and payment type required (defaulted to unknown, human and
     * private pay, the usual for a cash-pay ketamine practice), and the prescriber's NPI required with no
     * default, so a prescriber without one stops the file. Illustrative: check the state's own guide.
     */
    public static final AsapStateProfile EXAMPLE_STRICT = DEFAULT.named("EXAMPLE-STRICT")
            .withTerminator('\\')
            .withLineBreaks(true)
            .requiring("PAT19", "PAT20", "DSP16", "PRE01")
            .withDefault("PAT19", AsapGender.UNKNOWN.code())
            .withDefault("PAT20", "01")
            .withDefault("DSP16", AsapPaymentType.PRIVATE_PAY.code());

    public AsapStateProfile {
        Objects.requireNonNull(name, "profile name");
        if (segmentTerminator == '*'
                || Character.isLetterOrDigit(segmentTerminator)
                || Character.isWhitespace(segmentTerminator)
                || segmentTerminator < 0x21
                || segmentTerminator > 0x7e) {
            throw new IllegalArgumentException(
                    "segment terminator must be a printable symbol other than *: '" + segmentTerminator + "'");
        }
        requiredElements = requiredElements == null ? Set.of() : Set.copyOf(requiredElements);
        defaultValues = defaultValues == null ? Map.of() : Map.copyOf(defaultValues);
        for (String element : requiredElements) {
            requireElementId(element);
        }
        for (String element : defaultValues.keySet()) {
            requireElementId(element);
        }
    }

    /** Whether the standard or this state requires the element. */
    public boolean requires(String element) {
        return STANDARD_REQUIRED.contains(element) || requiredElements.contains(element);
    }

    public AsapStateProfile named(String newName) {
        return new AsapStateProfile(
                newName,
                segmentTerminator,
                lineBreakAfterSegment,
                upperCase,
                informationSourceId,
                informationSourceName,
                requiredElements,
                defaultValues);
    }

    public AsapStateProfile withTerminator(char terminator) {
        return new AsapStateProfile(
                name,
                terminator,
                lineBreakAfterSegment,
                upperCase,
                informationSourceId,
                informationSourceName,
                requiredElements,
                defaultValues);
    }

    public AsapStateProfile withLineBreaks(boolean lineBreaks) {
        return new AsapStateProfile(
                name,
                segmentTerminator,
                lineBreaks,
                upperCase,
                informationSourceId,
                informationSourceName,
                requiredElements,
                defaultValues);
    }

    public AsapStateProfile withInformationSource(String id, String sourceName) {
        return new AsapStateProfile(
                name,
                segmentTerminator,
                lineBreakAfterSegment,
                upperCase,
                id,
                sourceName,
                requiredElements,
                defaultValues);
    }

    public AsapStateProfile requiring(String... elements) {
        Set<String> required = new LinkedHashSet<>(requiredElements);
        required.addAll(Set.of(elements));
        return new AsapStateProfile(
                name,
                segmentTerminator,
                lineBreakAfterSegment,
                upperCase,
                informationSourceId,
                informationSourceName,
                required,
                defaultValues);
    }

    public AsapStateProfile withDefault(String element, String value) {
        Map<String, String> defaults = new HashMap<>(defaultValues);
        defaults.put(element, Objects.requireNonNull(value, "default value"));
        return new AsapStateProfile(
                name,
                segmentTerminator,
                lineBreakAfterSegment,
                upperCase,
                informationSourceId,
                informationSourceName,
                requiredElements,
                defaults);
    }

    private static void requireElementId(String element) {
        if (element == null || !ELEMENT_ID.matcher(element).matches()) {
            throw new IllegalArgumentException("not an ASAP element id such as DSP16: " + element);
        }
    }
}
