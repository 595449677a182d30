package org.doseledger.api.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Links that carry a page's search along (the next page, the CSV of the same search); used by templates. */
@Component("consoleLinks")
class ConsoleLinks {

    public String withQuery(String path, Map<String, Object> parameters) {
        if (parameters.isEmpty()) {
            return path;
        }
        return path + "?"
                + parameters.entrySet().stream()
                        .map(e -> encode(e.getKey()) + "=" + encode(String.valueOf(e.getValue())))
                        .collect(Collectors.joining("&"));
    }

    public String withQuery(String path, Map<String, Object> parameters, String name, Object value) {
        Map<String, Object> all = new LinkedHashMap<>(parameters);
        all.put(name, value);
        return withQuery(path, all);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
