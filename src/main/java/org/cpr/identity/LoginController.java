package org.cpr.identity;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

    static final String LOGIN_VIEW = "identity/login";

    private final boolean sso;
    private final String registration;

    LoginController(@Value("${cpr.oidc.enabled:false}") boolean sso, @Value("${cpr.oidc.registration-id:campus}") String registration) {
        this.sso = sso;
        this.registration = registration;
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("ssoPath", sso ? "/oauth2/authorization/" + registration : null);
        return LOGIN_VIEW;
    }
}
