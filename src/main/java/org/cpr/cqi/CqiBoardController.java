package org.cpr.cqi;

import java.util.Set;

import org.cpr.shared.NavigationItem;
import org.cpr.shared.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * "You said, we did": what trainees raised and what changed, for every signed-in person.
 */
@Controller
class CqiBoardController {

	static final String BOARD_VIEW = "cqi/board";

	private final ImprovementRegister register;

	CqiBoardController(ImprovementRegister register) {
		this.register = register;
	}

	@GetMapping("/cqi/board")
	String board(Model model) {
		model.addAttribute("entries", register.board());
		return BOARD_VIEW;
	}

	@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
	static class Navigation {

		@Bean
		NavigationItem cqiBoardLink() {
			return new NavigationItem(40, "/cqi/board", "cqi.nav.board", Set.of());
		}

		@Bean
		NavigationItem cqiReportLink() {
			return new NavigationItem(45, "/cqi/report", "cqi.nav.report",
					Set.of(Role.FACILITATOR, Role.PROGRAM_DIRECTOR, Role.ADMINISTRATOR));
		}

		@Bean
		NavigationItem cqiRegisterLink() {
			return new NavigationItem(41, "/cqi/items", "cqi.nav.register",
					Set.of(Role.FACILITATOR, Role.PROGRAM_DIRECTOR, Role.ADMINISTRATOR));
		}

	}

}
