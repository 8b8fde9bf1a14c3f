package org.cpr.platform;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The pages every visitor reaches: the crisis resources and the signed-in home page. */
@Controller
class PagesController {

	static final String CRISIS_VIEW = "platform/crisis";
	static final String HOME_VIEW = "platform/home";

	@GetMapping("/crisis")
	String crisis() {
		return CRISIS_VIEW;
	}

	@GetMapping("/home")
	String home() {
		return HOME_VIEW;
	}

}
