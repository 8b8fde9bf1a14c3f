package org.cpr.directory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import org.cpr.identity.CprUser;
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.PersonSummary;
import org.cpr.shared.FormErrors;
import org.cpr.shared.NavigationItem;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/** Keeping the directory right: edit, retire, mark reviewed, import and export CSV. */
@Controller
@RequestMapping("/admin/directory")
@PreAuthorize("hasAnyRole('ADMINISTRATOR','SYSTEM_ADMIN')")
class DirectoryAdminController {

	static final String LIST_VIEW = "directory/admin-list";
	static final String FORM_VIEW = "directory/admin-form";
	static final String IMPORT_VIEW = "directory/admin-import";

	private final ServiceDirectory directory;

	private final IdentityManagement identity;

	DirectoryAdminController(ServiceDirectory directory, IdentityManagement identity) {
		this.directory = directory;
		this.identity = identity;
	}

	@Bean
	static NavigationItem directoryAdminLink() {
		return new NavigationItem(73, "/admin/directory", "directory.nav.admin",
				Set.of(Role.ADMINISTRATOR, Role.SYSTEM_ADMIN));
	}

	@GetMapping
	String list(Model model) {
		var all = directory.everything();
		model.addAttribute("services", all);
		model.addAttribute("overdue",
				all.stream().filter(e -> !e.retired() && directory.reviewOverdue(e)).map(ServiceEntry::id).toList());
		return LIST_VIEW;
	}

	@GetMapping("/new")
	String newEntry(Model model) {
		model.addAttribute("form", ServiceForm.empty());
		return FORM_VIEW;
	}

	@GetMapping("/{id}")
	String edit(@PathVariable UUID id, Model model) {
		ServiceEntry entry = load(id);
		String owner = directory.ownerOf(id).flatMap(identity::person).map(PersonSummary::username).orElse("");
		model.addAttribute("form", ServiceForm.of(entry, owner));
		model.addAttribute("entry", entry);
		return FORM_VIEW;
	}

	@PostMapping({ "", "/{id}" })
	String save(@PathVariable(required = false) UUID id, @Valid @ModelAttribute("form") ServiceForm form,
			BindingResult errors, @AuthenticationPrincipal CprUser me, Model model) {
		ServiceEntry existing = id == null ? null : load(id);
		if (errors.getTarget() == null) {
			// a choice the form never offers (a tampered enum value): the form could not
			// be built, so no field to mark
			throw new org.springframework.web.server.ResponseStatusException(
					org.springframework.http.HttpStatus.BAD_REQUEST);
		}
		form.validate(errors);
		PersonId owner = null;
		if (form.ownerUsername() != null && !form.ownerUsername().isBlank()) {
			owner = identity.byUsername(form.ownerUsername()).map(PersonSummary::id).orElse(null);
			if (owner == null) {
				FormErrors.rejectValue(errors, "ownerUsername", "directory.form.owner");
			}
		}
		if (errors.hasErrors()) {
			model.addAttribute("entry", existing);
			return FORM_VIEW;
		}
		var reviewed = existing == null ? null : existing.lastReviewed();
		UUID saved = directory.save(id, form.entry(reviewed), owner, me.personId());
		return "redirect:/admin/directory/" + saved + "?saved";
	}

	@PostMapping("/{id}/retire")
	String retire(@PathVariable UUID id, @AuthenticationPrincipal CprUser me) {
		load(id);
		directory.retire(id, me.personId());
		return "redirect:/admin/directory";
	}

	@PostMapping("/{id}/reviewed")
	String reviewed(@PathVariable UUID id, @AuthenticationPrincipal CprUser me) {
		load(id);
		directory.markReviewed(id, me.personId());
		return "redirect:/admin/directory";
	}

	@GetMapping("/import")
	String importPage() {
		return IMPORT_VIEW;
	}

	@PostMapping("/import")
	String importCsv(@RequestParam("file") MultipartFile file, @RequestParam(defaultValue = "false") boolean apply,
			@AuthenticationPrincipal CprUser me, Model model) throws IOException {
		if (file.isEmpty() || file.getSize() > 2 * 1024 * 1024) {
			model.addAttribute("fileError", file.isEmpty() ? "roster.emptyFile" : "roster.tooBig");
			return IMPORT_VIEW;
		}
		var rows = directory.importCsv(new String(file.getBytes(), StandardCharsets.UTF_8), apply, me.personId());
		boolean valid = !rows.isEmpty() && rows.stream().allMatch(r -> r.ok());
		model.addAttribute("rows", rows);
		model.addAttribute("valid", valid);
		model.addAttribute("applied", apply && valid);
		return IMPORT_VIEW;
	}

	@GetMapping("/export.csv")
	ResponseEntity<String> export() throws IOException {
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("directory.csv").build().toString())
			.body(directory.exportCsv());
	}

	/** The options of the form's enumerated fields, by field name. */
	@org.springframework.web.bind.annotation.ModelAttribute("choices")
	java.util.Map<String, Object[]> choices() {
		return java.util.Map.of("providerKind", org.cpr.directory.ProviderKind.values(), "category",
				org.cpr.directory.ServiceCategory.values(), "audiences", org.cpr.identity.TraineeType.values(),
				"confidentiality", org.cpr.directory.Confidentiality.values(), "reportedTo",
				org.cpr.directory.ReportedTo.values(), "cost", org.cpr.directory.CostLevel.values(), "accessModes",
				org.cpr.directory.AccessMode.values(), "audienceRoles", org.cpr.shared.Role.values());
	}

	private ServiceEntry load(UUID id) {
		return directory.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
