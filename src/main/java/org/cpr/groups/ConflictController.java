package org.cpr.groups;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.cpr.identity.CprUser;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The coordinator uploads who evaluates whom ({@code trainee,evaluator} usernames),
 * checks the dry run and applies it; those attendings never lead their trainees' groups.
 */
@Controller
@RequestMapping("/groups/conflicts")
@PreAuthorize("hasRole('FACILITATOR')")
class ConflictController {

	static final String VIEW = "groups/conflicts";
	static final int MAX_BYTES = 512 * 1024;

	private final ConflictList conflicts;

	private final MessageSource messages;

	ConflictController(ConflictList conflicts, MessageSource messages) {
		this.conflicts = conflicts;
		this.messages = messages;
	}

	@GetMapping
	String page(Model model) {
		return page(model, null, "", Map.of());
	}

	@PostMapping("/preview")
	String preview(@RequestParam(required = false) MultipartFile file, @RequestParam(defaultValue = "") String csv,
			Model model, Locale locale) throws IOException {
		String text = file != null && !file.isEmpty() && file.getSize() <= MAX_BYTES
				? new String(file.getBytes(), StandardCharsets.UTF_8) : csv;
		try {
			return page(model, conflicts.dryRun(text), text, Map.of());
		}
		catch (GroupsRefused refused) {
			return page(model, null, text, GroupViews.errors(refused, messages, locale));
		}
	}

	@PostMapping("/apply")
	String apply(@RequestParam(defaultValue = "") String csv, @AuthenticationPrincipal CprUser me, Model model,
			Locale locale) {
		try {
			int added = conflicts.apply(csv, me.personId());
			model.addAttribute("added", added);
			return page(model, null, "", Map.of());
		}
		catch (GroupsRefused refused) {
			List<ConflictList.Row> rows = null;
			try {
				rows = conflicts.dryRun(csv);
			}
			catch (GroupsRefused unreadable) {
				// the message below says what is wrong with the file
			}
			return page(model, rows, csv, GroupViews.errors(refused, messages, locale));
		}
	}

	private String page(Model model, List<ConflictList.Row> rows, String csv, Map<String, String> errors) {
		model.addAttribute("rows", rows);
		model.addAttribute("csv", csv);
		model.addAttribute("allOk", rows != null && rows.stream().allMatch(ConflictList.Row::ok));
		model.addAttribute("fieldErrors", errors);
		return VIEW;
	}

}
