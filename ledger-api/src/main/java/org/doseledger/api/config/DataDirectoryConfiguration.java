package org.doseledger.api.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.doseledger.core.shared.OwnerOnlyFiles;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The data directory and its {@code keys} directory are created owner-only (0700, {@link OwnerOnlyFiles}) before any
 * component is made. Several components write into them (the embedded database's lock, the signing and master keys,
 * the initial admin key, exports), in an order nobody chose; a directory that one of them created with the default
 * permissions would stay open to group and others for good.
 */
@Configuration(proxyBeanMethods = false)
class DataDirectoryConfiguration {

    @Bean
    static BeanFactoryPostProcessor ownerOnlyDataDirectory(Environment environment) {
        return beanFactory -> {
            Path dataDir = Binder.get(environment)
                    .bindOrCreate("ledger", LedgerProperties.class)
                    .dataDir();
            try {
                OwnerOnlyFiles.createDirectories(dataDir.resolve("keys"));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the data directory " + dataDir.toAbsolutePath(), e);
            }
        };
    }
}
