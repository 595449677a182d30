package org.doseledger.api.generator;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The ids the ledger chose for earlier facts, put into the later facts that refer to them. */
final class FactReferences {

    private static final Pattern REFERENCE = Pattern.compile("\\{(id|event):([^}]+)}");

    private final Map<String, String> values = new HashMap<>();

    void keep(String kind, String name, String value) {
        if (name != null && value != null) {
            values.put(kind + ":" + name, value);
        }
    }

    String resolve(String text) {
        if (text.indexOf('{') < 0) {
            return text;
        }
        Matcher reference = REFERENCE.matcher(text);
        StringBuilder resolved = new StringBuilder();
        while (reference.find()) {
            String value = values.get(reference.group(1) + ":" + reference.group(2));
            if (value == null) {
                throw new IllegalStateException(reference.group() + " names no earlier fact");
            }
            reference.appendReplacement(resolved, Matcher.quoteReplacement(value));
        }
        reference.appendTail(resolved);
        return resolved.toString();
    }
}
