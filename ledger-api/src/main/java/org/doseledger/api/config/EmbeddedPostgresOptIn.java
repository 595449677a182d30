package org.doseledger.api.config;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;
import org.springframework.core.env.Environment;

/**
 * Refuses a start without a database URL when the embedded PostgreSQL is turned off. A container whose
 * {@code LEDGER_DB_URL} went missing would otherwise keep the ledger on storage that may vanish with it. It runs
 * before every other post-processor, so the refused start creates nothing, not even the data directory.
 */
final class EmbeddedPostgresOptIn implements BeanFactoryPostProcessor, PriorityOrdered {

    static final String ENABLED = "ledger.embedded-postgres.enabled";

    private final Environment environment;

    EmbeddedPostgresOptIn(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (!Binder.get(environment).bind(ENABLED, Boolean.class).orElse(true)) {
            throw new NoDatabaseConfiguredException();
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
