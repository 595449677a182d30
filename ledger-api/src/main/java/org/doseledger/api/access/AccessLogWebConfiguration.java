package org.doseledger.api.access;

import java.time.Clock;
import org.doseledger.api.write.LedgerWriter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.ServletInvocableHandlerMethod;

/**
 * Endpoints marked {@link ReadsClientData} are invoked through {@link AccessRecordingHandlerMethod}.
 * Not a HandlerInterceptor: an interceptor runs before the arguments are validated and cannot tell a
 * found client from an unknown one, and a client's mistake must write nothing to the ledger.
 */
@Configuration(proxyBeanMethods = false)
class AccessLogWebConfiguration {

    @Bean
    AccessRecorder accessRecorder(LedgerWriter writer, TransactionTemplate transactions, Clock clock) {
        return new AccessRecorder(writer, transactions, clock);
    }

    @Bean
    WebMvcRegistrations accessRecordingHandlerAdapter(ObjectProvider<AccessRecorder> recorder) {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerAdapter getRequestMappingHandlerAdapter() {
                return new RequestMappingHandlerAdapter() {
                    @Override
                    protected ServletInvocableHandlerMethod createInvocableHandlerMethod(HandlerMethod handler) {
                        ReadsClientData reads = handler.getMethodAnnotation(ReadsClientData.class);
                        return reads == null
                                ? super.createInvocableHandlerMethod(handler)
                                : new AccessRecordingHandlerMethod(handler, reads, recorder.getObject());
                    }
                };
            }
        };
    }
}
