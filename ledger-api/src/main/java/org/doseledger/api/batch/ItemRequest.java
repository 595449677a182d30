package org.doseledger.api.batch;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * One item of a batch as a request of its own: the batch's connection, credential and request id, with
 * the item's method, path, body and write headers. Its attributes are its own, so that the handler
 * mapping of the item does not see (or overwrite) the batch's.
 */
final class ItemRequest extends HttpServletRequestWrapper {

    private final String uri;
    private final byte[] body;
    private final Map<String, String> headers = new HashMap<>();
    private final Map<String, Object> attributes = new HashMap<>();
    private ServletInputStream stream;

    ItemRequest(HttpServletRequest batch, String uri, byte[] body, Map<String, String> writeHeaders) {
        super(batch);
        this.uri = uri;
        this.body = body;
        headers.put(HttpHeaders.CONTENT_TYPE.toLowerCase(Locale.ROOT), MediaType.APPLICATION_JSON_VALUE);
        headers.put(HttpHeaders.CONTENT_LENGTH.toLowerCase(Locale.ROOT), Integer.toString(body.length));
        headers.put(HttpHeaders.ACCEPT.toLowerCase(Locale.ROOT), null);
        writeHeaders.forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
        // the batch's own attributes except Spring MVC's: handler, path and async state are the item's
        Enumeration<String> names = batch.getAttributeNames();
        while (names.hasMoreElements()) {
            String name = names.nextElement();
            if (!name.startsWith("org.springframework.web.") && !name.startsWith("jakarta.servlet.")) {
                attributes.put(name, batch.getAttribute(name));
            }
        }
    }

    @Override
    public String getMethod() {
        return "POST";
    }

    @Override
    public String getRequestURI() {
        return uri;
    }

    @Override
    public StringBuffer getRequestURL() {
        String batchUrl = super.getRequestURL().toString();
        return new StringBuffer(
                batchUrl.substring(0, batchUrl.length() - super.getRequestURI().length()) + uri);
    }

    @Override
    public String getServletPath() {
        return uri.substring(getContextPath().length());
    }

    @Override
    public String getPathInfo() {
        return null;
    }

    @Override
    public String getQueryString() {
        return null;
    }

    @Override
    public String getParameter(String name) {
        return null;
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        return Map.of();
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.emptyEnumeration();
    }

    @Override
    public String[] getParameterValues(String name) {
        return null;
    }

    @Override
    public String getHeader(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        return headers.containsKey(key) ? headers.get(key) : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        if (!headers.containsKey(key)) {
            return super.getHeaders(name);
        }
        String value = headers.get(key);
        return value == null ? Collections.emptyEnumeration() : Collections.enumeration(Set.of(value));
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        Set<String> names = new LinkedHashSet<>();
        Enumeration<String> batch = super.getHeaderNames();
        while (batch.hasMoreElements()) {
            String name = batch.nextElement();
            if (!headers.containsKey(name.toLowerCase(Locale.ROOT))) {
                names.add(name);
            }
        }
        headers.forEach((name, value) -> {
            if (value != null) {
                names.add(name);
            }
        });
        return Collections.enumeration(names);
    }

    @Override
    public int getIntHeader(String name) {
        String value = getHeader(name);
        return value == null ? -1 : Integer.parseInt(value);
    }

    @Override
    public String getContentType() {
        return MediaType.APPLICATION_JSON_VALUE;
    }

    @Override
    public int getContentLength() {
        return body.length;
    }

    @Override
    public long getContentLengthLong() {
        return body.length;
    }

    @Override
    public String getCharacterEncoding() {
        return StandardCharsets.UTF_8.name();
    }

    @Override
    public ServletInputStream getInputStream() {
        if (stream == null) {
            stream = new BodyStream(new ByteArrayInputStream(body));
        }
        return stream;
    }

    @Override
    public BufferedReader getReader() {
        return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public Object getAttribute(String name) {
        return attributes.get(name);
    }

    @Override
    public Enumeration<String> getAttributeNames() {
        return Collections.enumeration(Set.copyOf(attributes.keySet()));
    }

    @Override
    public void setAttribute(String name, Object value) {
        if (value == null) {
            attributes.remove(name);
        } else {
            attributes.put(name, value);
        }
    }

    @Override
    public void removeAttribute(String name) {
        attributes.remove(name);
    }

    @Override
    public boolean isAsyncSupported() {
        return false;
    }

    private static final class BodyStream extends ServletInputStream {

        private final ByteArrayInputStream bytes;

        BodyStream(ByteArrayInputStream bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read() {
            return bytes.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            return bytes.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
            return bytes.available() == 0;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException("an item's body is read synchronously");
        }
    }
}
