package org.cpr.directory;

import java.util.Locale;
import java.util.Set;

import org.cpr.identity.CprUser;
import org.cpr.shared.NavigationItem;
import org.cpr.shared.PublicPaths;
import org.cpr.shared.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public program website: the landing page, the "who sees what" page, and editing the
 * landing text.
 */
@Controller
class SiteController {

	static final String LANDING_VIEW = "site/landing";
	static final String PRIVACY_VIEW = "site/privacy";
	static final String EDIT_VIEW = "site/edit";

	private final SitePages pages;

	SiteController(SitePages pages) {
		this.pages = pages;
	}

	@Bean
	static PublicPaths sitePaths() {
		return PublicPaths.of("/", "/privacy");
	}

	@Bean
	static NavigationItem siteEditLink() {
		return new NavigationItem(74, "/admin/site", "site.nav.edit", Set.of(Role.ADMINISTRATOR));
	}

	@GetMapping("/")
	String landing(Locale locale, Model model) {
		model.addAttribute("pageHtml", pages.html(SitePages.LANDING, locale));
		return LANDING_VIEW;
	}

	@GetMapping("/privacy")
	String privacy() {
		return PRIVACY_VIEW;
	}

	@GetMapping("/admin/site")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	String edit(Locale locale, Model model) {
		String markdown = pages.markdown(SitePages.LANDING, locale);
		model.addAttribute("markdown", markdown);
		model.addAttribute("preview", pages.render(markdown));
		return EDIT_VIEW;
	}

	@PostMapping("/admin/site")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	String save(@RequestParam(defaultValue = "") String markdown, @RequestParam(defaultValue = "false") boolean preview,
			@AuthenticationPrincipal CprUser me, Locale locale, Model model) {
		model.addAttribute("markdown", markdown);
		model.addAttribute("preview", pages.render(markdown));
		if (markdown.length() > SitePages.MAX_LENGTH) {
			model.addAttribute("tooLong", true);
			return EDIT_VIEW;
		}
		if (!preview) {
			pages.save(SitePages.LANDING, locale, markdown, me.personId());
			model.addAttribute("saved", true);
		}
		return EDIT_VIEW;
	}

}
