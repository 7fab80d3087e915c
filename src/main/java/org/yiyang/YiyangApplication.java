package org.yiyang;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Yiyang (颐养), a regional smart elderly-care service and supervision platform.
 * Each direct sub-package is a Spring Modulith module; see the README for the module map.
 */
@SpringBootApplication
@EnableScheduling
public class YiyangApplication {

    public static void main(String[] args) {
        SpringApplication.run(YiyangApplication.class, args);
    }
}
