package org.doseledger.api.generator;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.MappingMatch;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * A POST and its answer inside the process, for the DispatcherServlet: the request a client would send
 * (path, JSON body, headers), without a connection, and a response that keeps status, headers and body.
 * Only what Spring MVC asks of a request or a response is answered; the rest has the servlet API's
 * "nothing here" value (null, false, 0). The servlet filters are not part of it: the caller sets the
 * credential and request id the filters would set.
 */
final class LocalExchange {

    private final byte[] body;
    private final String uri;
    private final Map<String, String> headers = new HashMap<>();
    private final Map<String, Object> attributes = new HashMap<>();
    private final ServletContext servletContext;
    private final HttpHeaders responseHeaders = new HttpHeaders();
    private final ByteArrayOutputStream responseBody = new ByteArrayOutputStream();
    private int status = HttpServletResponse.SC_OK;
    private String responseContentType;
    private PrintWriter writer;
    private ServletInputStream input;

    LocalExchange(ServletContext servletContext, String uri, byte[] body, Map<String, String> requestHeaders) {
        this.servletContext = servletContext;
        this.uri = uri;
        this.body = body;
        headers.put("content-type", MediaType.APPLICATION_JSON_VALUE);
        headers.put("accept", MediaType.APPLICATION_JSON_VALUE);
        headers.put("content-length", Integer.toString(body.length));
        headers.put("host", "localhost");
        requestHeaders.forEach((name, value) -> {
            if (value != null) {
                headers.put(name.toLowerCase(Locale.ROOT), value);
            }
        });
    }

    void setAttribute(String name, Object value) {
        attributes.put(name, value);
    }

    HttpServletRequest request() {
        return (HttpServletRequest) Proxy.newProxyInstance(
                LocalExchange.class.getClassLoader(), new Class<?>[] {HttpServletRequest.class}, this::onRequest);
    }

    HttpServletResponse response() {
        return (HttpServletResponse) Proxy.newProxyInstance(
                LocalExchange.class.getClassLoader(), new Class<?>[] {HttpServletResponse.class}, this::onResponse);
    }

    int status() {
        return status;
    }

    String responseHeader(String name) {
        return responseHeaders.getFirst(name);
    }

    byte[] responseBody() {
        if (writer != null) {
            writer.flush();
        }
        return responseBody.toByteArray();
    }

    private Object onRequest(Object proxy, Method method, Object[] args) throws Exception {
        String name = method.getName();
        return switch (name) {
            case "getMethod" -> "POST";
            case "getRequestURI", "getServletPath" -> uri;
            case "getRequestURL" -> new StringBuffer("http://localhost" + uri);
            case "getContextPath" -> "";
            case "getScheme" -> "http";
            case "getProtocol" -> "HTTP/1.1";
            case "getServerName", "getLocalName", "getRemoteHost" -> "localhost";
            case "getServerPort", "getLocalPort" -> 80;
            case "getRemoteAddr", "getLocalAddr" -> "127.0.0.1";
            case "getDispatcherType" -> DispatcherType.REQUEST;
            case "getServletContext" -> servletContext;
            case "getHttpServletMapping" -> MAPPING;
            case "getHeader" -> headers.get(lower(args[0]));
            case "getHeaders" ->
                Collections.enumeration(Optional.ofNullable(headers.get(lower(args[0]))).stream()
                        .toList());
            case "getHeaderNames" -> Collections.enumeration(List.copyOf(headers.keySet()));
            case "getIntHeader" ->
                headers.containsKey(lower(args[0])) ? Integer.parseInt(headers.get(lower(args[0]))) : -1;
            case "getDateHeader" -> -1L;
            case "getContentType" -> MediaType.APPLICATION_JSON_VALUE;
            case "getContentLength" -> body.length;
            case "getContentLengthLong" -> (long) body.length;
            case "getCharacterEncoding" -> StandardCharsets.UTF_8.name();
            case "getInputStream" -> inputStream();
            case "getReader" -> new BufferedReader(new InputStreamReader(inputStream(), StandardCharsets.UTF_8));
            case "getAttribute" -> attributes.get((String) args[0]);
            case "getAttributeNames" -> Collections.enumeration(List.copyOf(attributes.keySet()));
            case "setAttribute" -> {
                if (args[1] == null) {
                    attributes.remove((String) args[0]);
                } else {
                    attributes.put((String) args[0], args[1]);
                }
                yield null;
            }
            case "removeAttribute" -> attributes.remove((String) args[0]);
            case "getParameterMap" -> Map.of();
            case "getParameterNames", "getLocales" ->
                name.equals("getLocales")
                        ? Collections.enumeration(List.of(Locale.ENGLISH))
                        : Collections.emptyEnumeration();
            case "getLocale" -> Locale.ENGLISH;
            case "getRequestId", "getProtocolRequestId" -> "local";
            default -> nothing(proxy, method, args);
        };
    }

    private Object onResponse(Object proxy, Method method, Object[] args) throws Exception {
        String name = method.getName();
        return switch (name) {
            case "setStatus", "sendError" -> {
                status = (Integer) args[0];
                yield null;
            }
            case "getStatus" -> status;
            case "setHeader", "addHeader", "setIntHeader", "addIntHeader", "setDateHeader", "addDateHeader" -> {
                String header = (String) args[0];
                String value = args[1] == null ? null : String.valueOf(args[1]);
                if (header.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)) {
                    responseContentType = value;
                } else if (value == null) {
                    responseHeaders.remove(header);
                } else if (name.startsWith("set")) {
                    responseHeaders.set(header, value);
                } else {
                    responseHeaders.add(header, value);
                }
                yield null;
            }
            case "containsHeader" ->
                contentType(args[0]) ? responseContentType != null : responseHeaders.containsKey((String) args[0]);
            case "getHeader" -> contentType(args[0]) ? responseContentType : responseHeaders.getFirst((String) args[0]);
            case "getHeaders" ->
                contentType(args[0])
                        ? Optional.ofNullable(responseContentType).stream().toList()
                        : List.copyOf(responseHeaders.getOrEmpty((String) args[0]));
            case "getHeaderNames" -> {
                List<String> names = new ArrayList<>(responseHeaders.keySet());
                if (responseContentType != null) {
                    names.add(HttpHeaders.CONTENT_TYPE);
                }
                yield names;
            }
            case "setContentType" -> {
                responseContentType = (String) args[0];
                yield null;
            }
            case "getContentType" -> responseContentType;
            case "getCharacterEncoding" -> StandardCharsets.UTF_8.name();
            case "getLocale" -> Locale.ENGLISH;
            case "getOutputStream" -> outputStream();
            case "getWriter" -> {
                if (writer == null) {
                    writer = new PrintWriter(new OutputStreamWriter(responseBody, StandardCharsets.UTF_8));
                }
                yield writer;
            }
            case "encodeURL", "encodeRedirectURL" -> args[0];
            case "resetBuffer", "reset" -> {
                responseBody.reset();
                yield null;
            }
            default -> nothing(proxy, method, args);
        };
    }

    private ServletInputStream inputStream() {
        if (input == null) {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            input = new ServletInputStream() {
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
                    throw new UnsupportedOperationException("the body is read synchronously");
                }
            };
        }
        return input;
    }

    private ServletOutputStream outputStream() {
        return new ServletOutputStream() {
            @Override
            public void write(int b) {
                responseBody.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                responseBody.write(bytes, offset, length);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException("the answer is written synchronously");
            }
        };
    }

    private static boolean contentType(Object header) {
        return HttpHeaders.CONTENT_TYPE.equalsIgnoreCase((String) header);
    }

    private static String lower(Object name) {
        return ((String) name).toLowerCase(Locale.ROOT);
    }

    /** Object's own methods, and the servlet API's empty answer for everything else. */
    private static Object nothing(Object proxy, Method method, Object[] args) {
        return switch (method.getName()) {
            case "toString" -> "local " + method.getDeclaringClass().getSimpleName();
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            default -> {
                Class<?> type = method.getReturnType();
                if (type == boolean.class) {
                    yield false;
                }
                if (type == int.class) {
                    yield 0;
                }
                if (type == long.class) {
                    yield 0L;
                }
                yield null;
            }
        };
    }

    private static final HttpServletMapping MAPPING = new HttpServletMapping() {
        @Override
        public String getMatchValue() {
            return "";
        }

        @Override
        public String getPattern() {
            return "/";
        }

        @Override
        public String getServletName() {
            return "dispatcherServlet";
        }

        @Override
        public MappingMatch getMappingMatch() {
            return MappingMatch.DEFAULT;
        }
    };
}
