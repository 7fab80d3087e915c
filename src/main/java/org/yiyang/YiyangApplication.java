package org.yiyang;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.yiyang.planning.PlanSitesCommand;

/**
 * Yiyang (颐养), a regional smart elderly-care service and supervision platform.
 * Each direct sub-package is a Spring Modulith module; see the README for the module map.
 */
@SpringBootApplication
@EnableScheduling
public class YiyangApplication {

    public static void main(String[] args) {
        if (args.length > 0 && PlanSitesCommand.NAME.equals(args[0])) {
            PlanSitesCommand.main(args); // a command-line tool: no Spring, no database
            return;
        }
        SpringApplication.run(YiyangApplication.class, args);
    }
}
