package org.cpr.needs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jakarta.servlet.http.HttpSession;
import org.cpr.identity.CprUser;
import org.cpr.shared.NavigationItem;
import org.cpr.shared.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The block schedule: upload → dry-run preview with row errors → apply all or nothing;
 * manual entry of one block.
 */
@Controller
@PreAuthorize("hasAnyRole('FACILITATOR','PROGRAM_DIRECTOR')")
class NeedsScheduleController {

	static final String VIEW = "needs/schedule";
	static final String PENDING = "cpr.needs.schedule.pending";
	static final long MAX_BYTES = 8L * 1024 * 1024;

	private final RotationSchedule schedule;

	private final RotationCatalogue catalogue;

	NeedsScheduleController(RotationSchedule schedule, RotationCatalogue catalogue) {
		this.schedule = schedule;
		this.catalogue = catalogue;
	}

	@Bean
	static NavigationItem needsScheduleLink() {
		return new NavigationItem(58, "/needs/schedule", "needs.nav.schedule",
				Set.of(Role.FACILITATOR, Role.PROGRAM_DIRECTOR));
	}

	@GetMapping("/needs/schedule")
	String page(Model model) {
		return view(model, NeedsForms.BlockForm.empty(), null);
	}

	@PostMapping("/needs/schedule/preview")
	String preview(@RequestParam("file") MultipartFile file, HttpSession session, Model model) throws IOException {
		if (file.isEmpty() || file.getSize() > MAX_BYTES) {
			model.addAttribute("fileError",
					file.isEmpty() ? "needs.schedule.file.empty" : "needs.schedule.file.tooBig");
			return view(model, NeedsForms.BlockForm.empty(), null);
		}
		String csv = new String(file.getBytes(), StandardCharsets.UTF_8);
		List<ScheduleRow> rows = schedule.dryRun(csv);
		session.setAttribute(PENDING, csv);
		model.addAttribute("rows", rows);
		model.addAttribute("valid", !rows.isEmpty() && rows.stream().allMatch(ScheduleRow::ok));
		return view(model, NeedsForms.BlockForm.empty(), null);
	}

	@PostMapping("/needs/schedule/apply")
	String apply(HttpSession session, @AuthenticationPrincipal CprUser me, Model model) {
		String csv = (String) session.getAttribute(PENDING);
		if (csv == null) {
			model.addAttribute("fileError", "needs.schedule.nothingPending");
			return view(model, NeedsForms.BlockForm.empty(), null);
		}
		List<ScheduleRow> rows = schedule.apply(csv, me.personId());
		boolean applied = !rows.isEmpty() && rows.stream().allMatch(ScheduleRow::ok);
		if (applied) {
			session.removeAttribute(PENDING);
		}
		model.addAttribute("rows", rows);
		model.addAttribute("applied", applied);
		model.addAttribute("valid", applied);
		return view(model, NeedsForms.BlockForm.empty(), null);
	}

	@PostMapping("/needs/schedule/blocks")
	String add(NeedsForms.BlockForm form, @AuthenticationPrincipal CprUser me, Model model) {
		ScheduleRow row = schedule.add(me.personId(), form.person(), form.rotationId(), form.service(), form.start(),
				form.end());
		if (!row.ok()) {
			return view(model, form, row);
		}
		model.addAttribute("added", true);
		return view(model, NeedsForms.BlockForm.empty(), null);
	}

	private String view(Model model, NeedsForms.BlockForm form, ScheduleRow refused) {
		model.addAttribute("blockCount", schedule.count());
		model.addAttribute("rotations", catalogue.all());
		model.addAttribute("form", form);
		model.addAttribute("refused", refused);
		model.addAttribute("fieldProblems",
				refused == null ? Map.of() : refused.problems()
					.stream()
					.collect(java.util.stream.Collectors.toMap(ScheduleRow.Problem::field, p -> p, (a, b) -> a)));
		return VIEW;
	}

}
