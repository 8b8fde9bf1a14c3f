package org.cpr.platform;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The public front page of the program. */
@Controller
class LandingController {

    static final String LANDING_VIEW = "platform/landing";

    @GetMapping("/")
    String landing() {
        return LANDING_VIEW;
    }
}
