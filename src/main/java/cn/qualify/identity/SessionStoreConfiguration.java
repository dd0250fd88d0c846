package cn.qualify.identity;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * The JDBC session store, spared the read after each write ({@link JustSavedSessionRepository}): the repository
 * Spring Boot configures is wrapped before Spring Session's filter is given it, and a filter outside Spring
 * Session's forgets the saved session once the request is done.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

    @Bean
    static JustSavedSessions justSavedSessions() {
        return new JustSavedSessions();
    }

    @Bean
    FilterRegistrationBean<Filter> forgetJustSavedSessionFilter(JustSavedSessions sessions) {
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
    static final class JustSavedSessions implements BeanPostProcessor {

        private volatile JustSavedSessionRepository<?> repository;

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            if (bean instanceof JdbcIndexedSessionRepository jdbc) {
                var wrapped = JustSavedSessionRepository.wrapping(jdbc);
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
