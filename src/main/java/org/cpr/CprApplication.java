package org.cpr;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The CPR platform: one deployable modular monolith, one top-level package per
 * capability.
 */
@SpringBootApplication
@Modulithic(sharedModules = "shared")
@EnableScheduling
public class CprApplication {

	public static void main(String[] args) {
		SpringApplication.run(CprApplication.class, args);
	}

}
