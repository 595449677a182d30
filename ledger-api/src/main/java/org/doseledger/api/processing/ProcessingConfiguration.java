package org.doseledger.api.processing;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;

/** Operating the streaming read models. */
@Configuration(proxyBeanMethods = false)
class ProcessingConfiguration {

    @Bean
    static PooledProcessorDefaults pooledProcessorDefaults(Environment environment) {
        return new PooledProcessorDefaults(environment);
    }

    @Bean
    static SavepointPerEventHandler savepointPerEventHandler(
            Environment environment, ObjectProvider<PlatformTransactionManager> transactions) {
        return new SavepointPerEventHandler(environment, transactions);
    }
}
