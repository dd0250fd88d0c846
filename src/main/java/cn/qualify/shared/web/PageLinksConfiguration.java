package cn.qualify.shared.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Pages write their links as the templates give them. Spring Boot registers a {@link ResourceUrlEncodingFilter} once
 * the webjar locator turns the resource chain on; it then looks every link of every page up as a possible static
 * file, and since the static handler matches {@code /**} and only hits are cached, a page with dozens of links (image
 * cards, queue rows) spent most of its CPU on class-path misses (docs/performance.md). The webjars are linked without
 * a version and the locator still resolves them when the browser asks; what is lost is only the version in their URL.
 */
@Configuration(proxyBeanMethods = false)
class PageLinksConfiguration {

    /** A registration of the filter's type, disabled, makes Spring Boot's own back off. */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> pageLinksAsWritten() {
        var registration = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }
}
