package org.cpr.directory;

import java.util.List;
import java.util.UUID;

import org.cpr.identity.TraineeType;
import org.cpr.shared.PublicPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The public directory: search and filters as a plain GET form (works without JavaScript;
 * htmx swaps only the results when present), and one page per service that keeps working
 * after the service is retired.
 */
@Controller
class DirectoryController {

	static final String SEARCH_VIEW = "directory/search";
	static final String SERVICE_VIEW = "directory/service";
	static final String RETIRED_VIEW = "directory/retired";

	private final ServiceDirectory directory;

	private final DirectoryUse use;

	DirectoryController(ServiceDirectory directory, DirectoryUse use) {
		this.use = use;
		this.directory = directory;
	}

	@Bean
	static PublicPaths directoryPaths() {
		return PublicPaths.of("/directory", "/directory/**", "/privacy");
	}

	@Bean
	static org.cpr.shared.NavigationItem directoryLink() {
		return new org.cpr.shared.NavigationItem(30, "/directory", "directory.nav", java.util.Set.of());
	}

	@GetMapping("/directory")
	String search(@RequestParam(required = false) String q, @RequestParam(required = false) String audience,
			@RequestParam(required = false) String category, @RequestParam(required = false) String confidentiality,
			@RequestParam(defaultValue = "false") boolean free,
			@RequestParam(defaultValue = "false") boolean afterHours,
			@RequestParam(defaultValue = "false") boolean virtual,
			org.springframework.web.context.request.WebRequest request, Model model) {
		String text = q == null ? null : q.length() > 200 ? q.substring(0, 200) : q;
		ServiceQuery query = new ServiceQuery(text, parse(TraineeType.class, audience),
				parse(ServiceCategory.class, category), parse(Confidentiality.class, confidentiality), free, afterHours,
				virtual);
		List<ServiceEntry> results = directory.search(query);
		model.addAttribute("query", query);
		model.addAttribute("results", results);
		model.addAttribute("groups", ResultGroup.of(results));
		boolean htmx = "true".equals(request.getHeader("HX-Request"));
		if (!htmx) {
			use.searched(); // a page load, not each keystroke of a live search
		}
		return htmx ? SEARCH_VIEW + " :: results" : SEARCH_VIEW;
	}

	@GetMapping("/directory/services/{id}")
	String service(@PathVariable String id, Model model) {
		UUID uuid;
		try {
			uuid = UUID.fromString(id);
		}
		catch (IllegalArgumentException notAnId) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		ServiceEntry entry = directory.find(uuid).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("service", entry);
		use.viewed(entry.category());
		if (entry.retired()) {
			model.addAttribute("alternatives", directory.alternatives(uuid));
			return RETIRED_VIEW;
		}
		return SERVICE_VIEW;
	}

	/** Unknown filter values are ignored rather than refused: the page still answers. */
	static <E extends Enum<E>> E parse(Class<E> type, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value);
		}
		catch (IllegalArgumentException unknown) {
			return null;
		}
	}

}
