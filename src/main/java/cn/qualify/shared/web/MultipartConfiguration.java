package cn.qualify.shared.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartResolver;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Multipart requests are read by {@link BufferedMultipartResolver} (in place of Spring Boot's resolver, which backs
 * off), with the limits the container's parser would apply.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "spring.servlet.multipart.enabled", matchIfMissing = true)
class MultipartConfiguration {

    @Bean(DispatcherServlet.MULTIPART_RESOLVER_BEAN_NAME)
    MultipartResolver multipartResolver(
            MultipartProperties properties,
            @Value("${server.tomcat.max-part-count:50}") int maxParts,
            @Value("${server.tomcat.max-part-header-size:512B}") DataSize maxPartHeaderSize) {
        return new BufferedMultipartResolver(new BufferedMultipartResolver.Limits(
                properties.getMaxRequestSize().toBytes(),
                properties.getMaxFileSize().toBytes(),
                maxParts,
                (int) maxPartHeaderSize.toBytes()));
    }
}
