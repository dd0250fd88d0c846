package cn.qualify.identity;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import java.time.Duration;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.config.annotation.web.http.JdbcHttpSessionConfiguration;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.util.unit.DataSize;

/**
 * The JDBC session store, spared the writes and reads a request does not need ({@link SparingSessionRepository}):
 * the repository Spring Boot configures is wrapped before Spring Session's filter is given it, and a filter outside
 * Spring Session's forgets the saved session once the request is done. Spring Session's configuration is given the
 * store's {@link SessionTransactions}, so that its read of a session runs without a transaction. {@code
 * qualify.identity.session-touch-interval} (default 1 minute) is how far the last access recorded in the store may
 * fall behind before an unchanged session is written again; 0 writes it on every request. The store reads its
 * attributes through {@link RememberedSessionAttributes}, which keeps what it has read up to {@code
 * qualify.identity.remembered-session-attributes} (default 8 MB of serialised attributes, some 5,000 signed-in
 * sessions; 0 turns it off).
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

    @Bean
    static SparedSessions sparedSessions() {
        return new SparedSessions();
    }

    @Bean
    FilterRegistrationBean<Filter> forgetSavedSessionFilter(SparedSessions sessions) {
        Filter forget = (request, response, chain) -> {
            try {
                chain.doFilter(request, response);
            } finally {
                sessions.forget();
            }
        };
        var registration = new FilterRegistrationBean<>(forget);
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
        return registration;
    }

    /** Wraps the JDBC session repository as it is created, and remembers the wrapper to let the filter reach it. */
    static final class SparedSessions
            implements BeanPostProcessor, EnvironmentAware, BeanFactoryAware, BeanClassLoaderAware {

        private static final String TOUCH_INTERVAL = "qualify.identity.session-touch-interval";
        private static final String REMEMBERED_ATTRIBUTES = "qualify.identity.remembered-session-attributes";

        private volatile SparingSessionRepository repository;
        private Duration touchInterval = Duration.ofMinutes(1);
        private DataSize rememberedAttributes = DataSize.ofMegabytes(8);
        private BeanFactory beans;
        private ClassLoader classLoader;
        private final SessionTransactions transactions =
                new SessionTransactions(SingletonSupplier.of(this::writeTransactions));

        @Override
        public void setBeanFactory(BeanFactory beanFactory) {
            this.beans = beanFactory;
        }

        @Override
        public void setBeanClassLoader(ClassLoader classLoader) {
            this.classLoader = classLoader;
        }

        /**
         * Gives Spring Session's configuration the store's transactions once it has been configured and before it
         * makes the store: a bean of the type TransactionOperations would replace Spring Boot's TransactionTemplate.
         */
        @Override
        public Object postProcessBeforeInitialization(Object bean, String beanName) {
            if (bean instanceof JdbcHttpSessionConfiguration configuration) {
                configuration.setTransactionOperations(transactions);
            }
            return bean;
        }

        @Override
        public void setEnvironment(Environment environment) {
            var binder = Binder.get(environment);
            touchInterval = binder.bind(TOUCH_INTERVAL, Duration.class).orElse(touchInterval);
            rememberedAttributes =
                    binder.bind(REMEMBERED_ATTRIBUTES, DataSize.class).orElse(rememberedAttributes);
        }

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            if (bean instanceof JdbcIndexedSessionRepository jdbc) {
                jdbc.setConversionService(
                        RememberedSessionAttributes.conversionService(classLoader, rememberedAttributes));
                var wrapped = SparingSessionRepository.wrapping(jdbc, touchInterval, transactions);
                repository = wrapped;
                return wrapped;
            }
            return bean;
        }

        /** As Spring Session's own configuration makes them: a new transaction for each call. */
        private TransactionOperations writeTransactions() {
            var template = new TransactionTemplate(beans.getBean(PlatformTransactionManager.class));
            template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
            return template;
        }

        void forget() {
            var current = repository;
            if (current != null) {
                current.forgetSaved();
            }
        }
    }
}
