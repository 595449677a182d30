package org.doseledger.api.error;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's own error page, for requests it refuses before any servlet sees them (an encoded slash,
 * backslash or NUL in the path, a malformed header): a problem document like every other answer,
 * instead of Tomcat's HTML. Written by hand: nothing of Spring runs at this point.
 */
public class ProblemJsonErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String code = status == 404
                ? "NOT_FOUND"
                : status >= 500 ? "INTERNAL_ERROR" : status == 413 ? "PAYLOAD_TOO_LARGE" : "INVALID_REQUEST";
        String detail = status >= 500
                ? "The ledger could not complete the request; nothing was written."
                : "The request was refused before it reached the ledger: its URL, headers or framing are not"
                        + " acceptable. Nothing was written.";
        String body = "{\"type\":\"https://doseledger.org/problems/"
                + code.toLowerCase().replace('_', '-')
                + "\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail
                + "\",\"code\":\"" + code + "\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away or the response was already sent: nothing more to tell it
        }
    }
}
