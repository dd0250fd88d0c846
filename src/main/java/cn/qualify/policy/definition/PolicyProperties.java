package cn.qualify.policy.definition;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which policy files to load ({@code qualify.policy.files}, Spring resource locations) and which one candidates
 * currently register under ({@code qualify.policy.current}; when absent, the one of the latest exam year).
 */
@ConfigurationProperties("qualify.policy")
record PolicyProperties(
        @DefaultValue("classpath:policy/LN-2025.yml") List<String> files, String current) {}
