package org.doseledger.api.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/** YAML documents as plain maps and lists (SnakeYAML, which also resolves anchors and {@code <<} merges). */
final class Yaml {

    private Yaml() {}

    static Map<String, Object> read(Path file) {
        try {
            return map(new org.yaml.snakeyaml.Yaml(new LoaderOptions()).load(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every document of a multi-document stream ({@code ---}), empty ones left out. */
    static List<Map<String, Object>> readAll(String text) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new org.yaml.snakeyaml.Yaml(new LoaderOptions()).loadAll(text)) {
            if (document != null) {
                documents.add(map(document));
            }
        }
        return documents;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map)) {
            throw new AssertionError("expected a mapping, found " + value);
        }
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List)) {
            throw new AssertionError("expected a list, found " + value);
        }
        return (List<Object>) value;
    }

    /** The value at a path of keys, or null where any step is missing. */
    static Object at(Object root, String... keys) {
        Object current = root;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    static Map<String, Object> mapAt(Object root, String... keys) {
        return map(at(root, keys));
    }

    static List<Object> listAt(Object root, String... keys) {
        return list(at(root, keys));
    }

    static String string(Object root, String... keys) {
        Object value = at(root, keys);
        return value == null ? null : value.toString();
    }
}
