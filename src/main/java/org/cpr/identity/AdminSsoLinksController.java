package org.cpr.identity;

import java.util.Set;
import java.util.UUID;

import org.cpr.shared.NavigationItem;
import org.cpr.shared.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Campus sign-on links (provider account → person): the system administrator sees every
 * link and removes a wrong or outdated one; each removal is audited.
 */
@Controller
@RequestMapping("/admin/sso-links")
@PreAuthorize("hasRole('SYSTEM_ADMIN')")
class AdminSsoLinksController {

	static final String VIEW = "identity/admin/sso-links";

	private final SsoLinks links;

	AdminSsoLinksController(SsoLinks links) {
		this.links = links;
	}

	@Bean
	static NavigationItem adminSsoLinksLink() {
		return new NavigationItem(73, "/admin/sso-links", "admin.nav.ssoLinks", Set.of(Role.SYSTEM_ADMIN));
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("links", links.all());
		model.addAttribute("policy", links.policy());
		return VIEW;
	}

	@PostMapping("/{id}/remove")
	String remove(@PathVariable UUID id, @AuthenticationPrincipal CprUser me) {
		return links.remove(id, me.personId()) ? "redirect:/admin/sso-links?removed" : "redirect:/admin/sso-links?gone";
	}

}
