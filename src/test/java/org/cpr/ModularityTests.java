package org.cpr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

	static final ApplicationModules MODULES = ApplicationModules.of(CprApplication.class);

	/**
	 * Also checks each module's dependencies against the {@code allowedDependencies} its
	 * {@code package-info.java} declares.
	 */
	@Test
	void modulesRespectTheirBoundaries() {
		MODULES.verify();
	}

	/**
	 * Without a declaration Modulith allows every dependency, so {@link #MODULES} would
	 * verify nothing for that module.
	 */
	@Test
	void everyModuleDeclaresItsAllowedDependencies() throws ClassNotFoundException {
		for (var module : MODULES) {
			String pkg = module.getBasePackage().getName();
			ApplicationModule declared = Class.forName(pkg + ".package-info").getAnnotation(ApplicationModule.class);
			assertThat(declared).as(pkg + " has @ApplicationModule in package-info.java").isNotNull();
			assertThat(declared.allowedDependencies()).as(pkg + " declares allowedDependencies")
				.doesNotContain(ApplicationModule.OPEN_TOKEN);
		}
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml().writeModuleCanvases();
	}

}
