package cn.qualify.identity;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import java.time.Duration;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * The JDBC session store, spared the writes and reads a request does not need ({@link SparingSessionRepository}):
 * the repository Spring Boot configures is wrapped before Spring Session's filter is given it, and a filter outside
 * Spring Session's forgets the saved session once the request is done. {@code
 * qualify.identity.session-touch-interval} (default 1 minute) is how far the last access recorded in the store may
 * fall behind before an unchanged session is written again; 0 writes it on every request.
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
    static final class SparedSessions implements BeanPostProcessor, EnvironmentAware {

        private static final String TOUCH_INTERVAL = "qualify.identity.session-touch-interval";

        private volatile SparingSessionRepository repository;
        private Duration touchInterval = Duration.ofMinutes(1);

        @Override
        public void setEnvironment(Environment environment) {
            touchInterval =
                    Binder.get(environment).bind(TOUCH_INTERVAL, Duration.class).orElse(touchInterval);
        }

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            if (bean instanceof JdbcIndexedSessionRepository jdbc) {
                var wrapped = SparingSessionRepository.wrapping(jdbc, touchInterval);
                repository = wrapped;
                return wrapped;
            }
            return bean;
        }

        void forget() {
            var current = repository;
            if (current != null) {
                current.forgetSaved();
            }
        }
    }
}
