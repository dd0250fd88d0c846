package cn.qualify;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Registration materials and qualification review for the physician licensing exam. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class QualifyApplication {

    public static void main(String[] args) {
        SpringApplication.run(QualifyApplication.class, args);
    }
}
