package org.doseledger.projections.export.pdmp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A structural check of ASAP 4.2 files, independent of the writer: segment order, TP and TT counts,
 * TH02 = TT01, required elements (the standard's and the state profile's), DSP01 codes, terminator
 * consistency, and that a revise or void repeats the keys of an original reported earlier in the same
 * corpus: NEW records of every file it validated, plus keys given with {@link #knownOriginal}.
 */
public final class Asap42Validator {

    public enum Rule {
        TERMINATOR,
        SEGMENT_ORDER,
        UNKNOWN_SEGMENT,
        VERSION,
        CONTROL_NUMBER,
        TP_COUNT,
        TT_COUNT,
        REQUIRED_ELEMENT,
        REPORTING_STATUS,
        ORIGINAL_MISSING,
        ORIGINAL_KEYS
    }

    public record Violation(Rule rule, int segment, String message) {}

    /** What identifies a dispensing record to a PDMP: a revise or void must repeat all of it. */
    public record RecordKey(
            String pharmacyDea, String prescriptionNumber, String dateFilled, String refillNumber, String ndc) {}

    private static final Set<String> SEGMENTS =
            Set.of("TH", "IS", "PHA", "PAT", "DSP", "PRE", "CDI", "AIR", "TP", "TT");
    private static final Pattern SEGMENT_ID = Pattern.compile("[A-Z]{2,3}");

    private final AsapStateProfile profile;
    private final Map<String, RecordKey> originals = new HashMap<>();

    public Asap42Validator(AsapStateProfile profile) {
        this.profile = profile;
    }

    public Asap42Validator knownOriginal(RecordKey key) {
        originals.put(key.prescriptionNumber(), key);
        return this;
    }

    public List<Violation> validate(String file) {
        List<Violation> violations = new ArrayList<>();
        List<String[]> segments = split(file, violations);
        if (!violations.isEmpty()) {
            return violations; // segments cannot be told apart: nothing further can be checked
        }
        check(segments, violations);
        return violations;
    }

    /** The segments as element arrays ([0] the id); TH09 declares the terminator the rest must use. */
    private static List<String[]> split(String file, List<Violation> violations) {
        List<String[]> segments = new ArrayList<>();
        if (!file.startsWith("TH*")) {
            violations.add(new Violation(Rule.SEGMENT_ORDER, 1, "the file does not start with TH"));
            return segments;
        }
        int star = -1;
        for (int n = 0; n < 9; n++) {
            star = file.indexOf('*', star + 1);
            if (star < 0) {
                violations.add(new Violation(Rule.TERMINATOR, 1, "TH has no TH09 segment terminator"));
                return segments;
            }
        }
        if (star + 2 >= file.length()) {
            violations.add(new Violation(Rule.TERMINATOR, 1, "the file ends inside TH"));
            return segments;
        }
        char terminator = file.charAt(star + 1);
        if (file.charAt(star + 2) != terminator) {
            violations.add(new Violation(
                    Rule.TERMINATOR,
                    1,
                    "TH09 declares '" + terminator + "' but TH ends with '" + file.charAt(star + 2) + "'"));
            return segments;
        }
        segments.add(file.substring(0, star + 2).split("\\*", -1));
        int position = skipLineBreak(file, star + 3);
        while (position < file.length()) {
            int end = file.indexOf(terminator, position);
            if (end < 0) {
                violations.add(new Violation(
                        Rule.TERMINATOR,
                        segments.size() + 1,
                        "text after the last '" + terminator + "': " + abbreviate(file.substring(position))));
                break;
            }
            String text = file.substring(position, end);
            if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
                violations.add(new Violation(
                        Rule.TERMINATOR,
                        segments.size() + 1,
                        "a line break inside a segment, not after '" + terminator + "': " + abbreviate(text)));
            }
            segments.add(text.split("\\*", -1));
            position = skipLineBreak(file, end + 1);
        }
        return segments;
    }

    private void check(List<String[]> segments, List<Violation> violations) {
        String[] th = segments.get(0);
        if (!"4.2".equals(element(th, 1))) {
            violations.add(new Violation(Rule.VERSION, 1, "TH01 is " + element(th, 1) + ", not 4.2"));
        }
        String state = "TH";
        int groupCount = 0;
        boolean zeroRecord = false;
        String pharmacyDea = null;
        boolean sawTt = false;
        for (int i = 0; i < segments.size(); i++) {
            String[] segment = segments.get(i);
            String id = segment[0].strip();
            int number = i + 1;
            if (!SEGMENT_ID.matcher(id).matches() || !SEGMENTS.contains(id)) {
                violations.add(new Violation(Rule.UNKNOWN_SEGMENT, number, "unknown segment " + abbreviate(id)));
                groupCount++;
                continue;
            }
            if (sawTt) {
                violations.add(new Violation(Rule.SEGMENT_ORDER, number, id + " after TT"));
            } else if (i > 0 && !follows(state, id)) {
                violations.add(new Violation(Rule.SEGMENT_ORDER, number, id + " cannot follow " + state));
            }
            state = id;
            groupCount = "PHA".equals(id) ? 1 : groupCount + 1;
            if ("PAT".equals(id)) {
                zeroRecord =
                        "REPORT".equalsIgnoreCase(element(segment, 7)) && "ZERO".equalsIgnoreCase(element(segment, 8));
            }
            requireElements(segment, number, zeroRecord, violations);
            switch (id) {
                case "PHA" -> pharmacyDea = element(segment, 3);
                case "DSP" -> {
                    if (!zeroRecord) {
                        checkDispensing(segment, number, pharmacyDea, violations);
                    }
                }
                case "TP" -> {
                    if (!String.valueOf(groupCount).equals(element(segment, 1))) {
                        violations.add(new Violation(
                                Rule.TP_COUNT,
                                number,
                                "TP01 is " + element(segment, 1) + ", the PHA group has " + groupCount
                                        + " segments with PHA and TP"));
                    }
                }
                case "TT" -> {
                    sawTt = true;
                    if (!String.valueOf(segments.size()).equals(element(segment, 2))) {
                        violations.add(new Violation(
                                Rule.TT_COUNT,
                                number,
                                "TT02 is " + element(segment, 2) + ", the file has " + segments.size() + " segments"));
                    }
                    if (!element(th, 2).equals(element(segment, 1))) {
                        violations.add(new Violation(
                                Rule.CONTROL_NUMBER,
                                number,
                                "TT01 " + element(segment, 1) + " is not TH02 " + element(th, 2)));
                    }
                }
                default -> {}
            }
        }
        if (!sawTt) {
            violations.add(new Violation(Rule.SEGMENT_ORDER, segments.size(), "the file does not end with TT"));
        }
    }

    private void checkDispensing(String[] dsp, int number, String pharmacyDea, List<Violation> violations) {
        String status = element(dsp, 1);
        RecordKey key = new RecordKey(pharmacyDea, element(dsp, 2), element(dsp, 5), element(dsp, 6), element(dsp, 8));
        switch (status) {
            case "00" -> originals.putIfAbsent(key.prescriptionNumber(), key);
            case "01", "02" -> {
                RecordKey original = originals.get(key.prescriptionNumber());
                if (original == null) {
                    violations.add(new Violation(
                            Rule.ORIGINAL_MISSING,
                            number,
                            "DSP01 " + status + " for " + key.prescriptionNumber() + " with no original reported"));
                } else if (!original.equals(key)) {
                    violations.add(new Violation(
                            Rule.ORIGINAL_KEYS, number, "keys " + key + " do not repeat the original " + original));
                }
            }
            default ->
                violations.add(
                        new Violation(Rule.REPORTING_STATUS, number, "DSP01 is " + status + ", not 00, 01 or 02"));
        }
    }

    private void requireElements(String[] segment, int number, boolean zeroRecord, List<Violation> violations) {
        String id = segment[0];
        List<String> required =
                zeroRecord && Set.of("PAT", "DSP", "PRE", "CDI", "AIR").contains(id)
                        ? zeroReportRequired(id)
                        : requiredOf(id);
        for (String element : required) {
            int position = Integer.parseInt(element.substring(id.length()));
            if (element(segment, position).isEmpty()) {
                violations.add(new Violation(Rule.REQUIRED_ELEMENT, number, element + " is required but empty"));
            }
        }
    }

    private List<String> requiredOf(String id) {
        List<String> required = new ArrayList<>();
        for (int position = 1; position <= 99; position++) {
            String element = id + String.format("%02d", position);
            if (profile.requires(element)) {
                required.add(element);
            }
        }
        return required;
    }

    private static List<String> zeroReportRequired(String id) {
        return switch (id) {
            case "PAT" -> List.of("PAT07", "PAT08");
            case "DSP" -> List.of("DSP05");
            default -> List.of();
        };
    }

    private static boolean follows(String previous, String next) {
        List<String> allowed = switch (previous) {
            case "TH" -> List.of("IS");
            case "IS", "TP" -> List.of("PHA", "TT");
            case "PHA" -> List.of("PAT");
            case "PAT" -> List.of("DSP");
            case "DSP" -> List.of("PRE");
            case "PRE", "CDI" -> List.of("CDI", "AIR", "PAT", "TP");
            case "AIR" -> List.of("PAT", "TP");
            default -> List.of();
        };
        return allowed.contains(next) && !("IS".equals(previous) && "TT".equals(next));
    }

    private static String element(String[] segment, int position) {
        return position < segment.length ? segment[position] : "";
    }

    private static int skipLineBreak(String file, int position) {
        int next = position;
        while (next < file.length() && (file.charAt(next) == '\r' || file.charAt(next) == '\n')) {
            next++;
        }
        return next;
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
