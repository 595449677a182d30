package org.doseledger.api.processing;

import org.axonframework.springboot.EventProcessorProperties;
import org.axonframework.springboot.EventProcessorProperties.Mode;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Gives every pooled processor declared under {@code axon.eventhandling.processors} the ledger's
 * segment count and batch size unless it sets its own, and a dead-lettering one the dead-letter queue's
 * cache of sequences known not to be in the queue. Applied to Axon's bound properties before Axon
 * builds the processors from them, so a processor added later needs only {@code mode=pooled}.
 */
class PooledProcessorDefaults implements BeanPostProcessor {

    private final Environment environment;

    PooledProcessorDefaults(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof EventProcessorProperties properties) {
            Binder binder = Binder.get(environment);
            ProjectionSettings defaults =
                    binder.bindOrCreate("ledger.projections", Bindable.of(ProjectionSettings.class));
            properties.getProcessors().forEach((name, settings) -> {
                if (settings.getMode() != Mode.POOLED) {
                    return;
                }
                if (settings.getInitialSegmentCount() == null) {
                    settings.setInitialSegmentCount(defaults.segments());
                }
                // the batch size is a primitive with Axon's default of 1: only the environment tells whether it was set
                if (!binder.bind(ProcessorProperties.of(name, "batch-size"), Integer.class)
                        .isBound()) {
                    settings.setBatchSize(defaults.batchSize());
                }
                // without the cache, every event costs a query asking whether its sequence is dead-lettered
                if (settings.getDlq().isEnabled()
                        && !binder.bind(ProcessorProperties.of(name, "dlq.cache.enabled"), Boolean.class)
                                .isBound()) {
                    settings.getDlq().getCache().setEnabled(true);
                }
            });
        }
        return bean;
    }
}
