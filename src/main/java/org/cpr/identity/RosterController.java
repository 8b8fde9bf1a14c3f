package org.cpr.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpSession;
import org.cpr.shared.NavigationItem;
import org.cpr.shared.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Roster CSV: upload → dry-run preview with row errors → apply all or nothing; export in
 * the same format.
 */
@Controller
@PreAuthorize("hasRole('SYSTEM_ADMIN')")
class RosterController {

	static final String VIEW = "identity/admin/roster";
	static final String PENDING = "cpr.roster.pending";
	static final String PENDING_KIND = "cpr.roster.pendingKind";
	static final long MAX_BYTES = 2 * 1024 * 1024;

	private final RosterImport importer;

	private final RosterExport exporter;

	RosterController(RosterImport importer, RosterExport exporter) {
		this.importer = importer;
		this.exporter = exporter;
	}

	@Bean
	static NavigationItem rosterLink() {
		return new NavigationItem(72, "/admin/roster", "admin.nav.roster", Set.of(Role.SYSTEM_ADMIN));
	}

	@GetMapping("/admin/roster")
	String page() {
		return VIEW;
	}

	@PostMapping("/admin/roster/preview")
	String preview(@RequestParam RosterImport.Kind kind, @RequestParam("file") MultipartFile file, HttpSession session,
			Model model) throws IOException {
		if (file.isEmpty() || file.getSize() > MAX_BYTES) {
			model.addAttribute("fileError", file.isEmpty() ? "roster.emptyFile" : "roster.tooBig");
			return VIEW;
		}
		String csv = new String(file.getBytes(), StandardCharsets.UTF_8);
		List<RosterRow> rows = importer.dryRun(kind, csv);
		session.setAttribute(PENDING, csv);
		session.setAttribute(PENDING_KIND, kind);
		model.addAttribute("rows", rows);
		model.addAttribute("kind", kind);
		model.addAttribute("valid", !rows.isEmpty() && rows.stream().allMatch(RosterRow::ok));
		return VIEW;
	}

	@PostMapping("/admin/roster/apply")
	String apply(HttpSession session, @AuthenticationPrincipal CprUser me, Model model) {
		String csv = (String) session.getAttribute(PENDING);
		RosterImport.Kind kind = (RosterImport.Kind) session.getAttribute(PENDING_KIND);
		if (csv == null || kind == null) {
			model.addAttribute("fileError", "roster.nothingPending");
			return VIEW;
		}
		List<RosterRow> rows = importer.apply(kind, csv, me.personId());
		boolean applied = !rows.isEmpty() && rows.stream().allMatch(RosterRow::ok);
		if (applied) {
			session.removeAttribute(PENDING);
			session.removeAttribute(PENDING_KIND);
		}
		model.addAttribute("rows", rows);
		model.addAttribute("kind", kind);
		model.addAttribute("applied", applied);
		model.addAttribute("valid", applied);
		return VIEW;
	}

	@GetMapping("/admin/roster/people.csv")
	ResponseEntity<String> people() throws IOException {
		return csv("people.csv", exporter.people());
	}

	@GetMapping("/admin/roster/org-units.csv")
	ResponseEntity<String> units() throws IOException {
		return csv("org-units.csv", exporter.orgUnits());
	}

	private static ResponseEntity<String> csv(String name, String body) {
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(body);
	}

}
