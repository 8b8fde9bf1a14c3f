package org.cpr.groups;

import org.cpr.identity.CprUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A group's pooled anonymous meeting feedback, for its own leaders
 * ({@code /groups/lead/{id}/feedback}) and for the program
 * ({@code /groups/report/{id}/feedback}). Any other group, or anyone else, gets the page
 * a group that does not exist gets.
 */
@Controller
class GroupFeedbackController {

	static final String VIEW = "groups/feedback";

	private final GroupFeedback feedback;

	private final GroupMembership membership;

	GroupFeedbackController(GroupFeedback feedback, GroupMembership membership) {
		this.feedback = feedback;
		this.membership = membership;
	}

	@GetMapping("/groups/lead/{id}/feedback")
	@PreAuthorize("hasRole('GROUP_LEADER')")
	String leader(@PathVariable String id, @AuthenticationPrincipal CprUser me, Model model) {
		return page(id, me, model, "/groups/lead/" + id);
	}

	@GetMapping("/groups/report/{id}/feedback")
	@PreAuthorize("hasAnyRole('PROGRAM_DIRECTOR','ADMINISTRATOR','FACILITATOR')")
	String program(@PathVariable String id, @AuthenticationPrincipal CprUser me, Model model) {
		return page(id, me, model, "/groups/report");
	}

	private String page(String id, CprUser me, Model model, String back) {
		try {
			java.util.UUID group = GroupViews.id(id);
			FeedbackReport report = feedback.report(group, me);
			model.addAttribute("group", membership.group(group).orElseThrow(UnknownGroupRecord::new));
			model.addAttribute("report", report);
			model.addAttribute("back", back);
			return VIEW;
		}
		catch (UnknownGroupRecord unknown) {
			throw GroupViews.notFound();
		}
	}

}
