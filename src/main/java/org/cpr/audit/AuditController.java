package org.cpr.audit;

import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.cpr.identity.CprUser;
import org.cpr.identity.IdentityManagement;
import org.cpr.shared.NavigationItem;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The privacy officer's audit search and chain check; every person's own access log. */
@Controller
class AuditController {

	static final String SEARCH_VIEW = "audit/search";
	static final String MINE_VIEW = "audit/my-access";

	private final AuditLog log;

	private final IdentityManagement identity;

	AuditController(AuditLog log, IdentityManagement identity) {
		this.log = log;
		this.identity = identity;
	}

	@Bean
	static NavigationItem auditLink() {
		return new NavigationItem(80, "/audit", "audit.nav", Set.of(Role.PRIVACY_OFFICER));
	}

	@Bean
	static NavigationItem myAccessLink() {
		return new NavigationItem(91, "/account/access-log", "audit.mine.nav", Set.of());
	}

	@GetMapping("/audit")
	@PreAuthorize("hasRole('PRIVACY_OFFICER')")
	String search(@AuthenticationPrincipal CprUser me, @RequestParam(required = false) String actor,
			@RequestParam(required = false) String subject, @RequestParam(required = false) String action,
			@RequestParam(required = false) String recordType, @RequestParam(required = false) String recordId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, Model model) {
		AuditSearch query = new AuditSearch(personOrNull(actor), personOrNull(subject), action, recordType, recordId,
				from, to);
		List<AuditRecord> rows = log.search(query, page, me.personId());
		model.addAttribute("rows", rows);
		model.addAttribute("names", names(rows));
		model.addAttribute("query", query);
		model.addAttribute("page", page);
		model.addAttribute("hasNext", rows.size() == AuditLog.PAGE_SIZE);
		model.addAttribute("invalidId", (actor != null && !actor.isBlank() && query.actor() == null)
				|| (subject != null && !subject.isBlank() && query.subject() == null));
		model.addAttribute("chain", log.verify());
		return SEARCH_VIEW;
	}

	@GetMapping("/account/access-log")
	String mine(@AuthenticationPrincipal CprUser me, Model model) {
		List<AuditRecord> rows = log.accessesTo(me.personId());
		model.addAttribute("rows", rows);
		model.addAttribute("names", names(rows));
		return MINE_VIEW;
	}

	@Operation(summary = "Verify the audit log's hash chain")
	@GetMapping(value = "/api/v1/audit/verify", produces = "application/json")
	@PreAuthorize("hasAnyRole('PRIVACY_OFFICER','SYSTEM_ADMIN')")
	@ResponseBody
	ChainVerification verify() {
		return log.verify();
	}

	private java.util.Map<PersonId, String> names(List<AuditRecord> rows) {
		Set<PersonId> ids = new HashSet<>();
		rows.forEach(r -> {
			if (r.actor() != null) {
				ids.add(r.actor());
			}
		});
		return identity.displayNames(ids);
	}

	private static PersonId personOrNull(String id) {
		try {
			return id == null || id.isBlank() ? null : new PersonId(UUID.fromString(id.strip()));
		}
		catch (IllegalArgumentException notAnId) {
			return null;
		}
	}

}
