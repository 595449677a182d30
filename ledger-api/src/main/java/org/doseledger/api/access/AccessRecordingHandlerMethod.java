package org.doseledger.api.access;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.ServletInvocableHandlerMethod;

/**
 * Invokes a {@link ReadsClientData} endpoint and records the access. The call is made after access
 * control and argument validation, so a refused or invalid request records nothing (and writes
 * nothing). An endpoint that returns its data is recorded after it has computed the data and before
 * any of it is written to the response: a lookup of an unknown client records nothing. An endpoint
 * that streams (returns void) is recorded before it runs.
 */
class AccessRecordingHandlerMethod extends ServletInvocableHandlerMethod {

    private final ReadsClientData reads;
    private final AccessRecorder recorder;

    AccessRecordingHandlerMethod(HandlerMethod handlerMethod, ReadsClientData reads, AccessRecorder recorder) {
        super(handlerMethod);
        this.reads = reads;
        this.recorder = recorder;
    }

    @Override
    protected Object doInvoke(Object... args) throws Exception {
        HttpServletRequest request =
                ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        if (isVoid()) {
            recorder.record(request, reads);
            return super.doInvoke(args);
        }
        Object result = super.doInvoke(args);
        recorder.record(request, reads);
        return result;
    }
}
