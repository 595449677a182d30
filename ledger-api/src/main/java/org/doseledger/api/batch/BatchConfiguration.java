package org.doseledger.api.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;

@Configuration(proxyBeanMethods = false)
class BatchConfiguration {

    @Bean
    BatchWrites batchWrites(
            ObjectProvider<DispatcherServlet> dispatcher, ObjectMapper mapper, BatchProperties properties) {
        return new BatchWrites(dispatcher, mapper, properties);
    }
}
