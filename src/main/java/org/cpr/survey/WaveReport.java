package org.cpr.survey;

import java.util.List;
import org.cpr.disclosure.CellResult;
import org.cpr.disclosure.DisclosurePolicy;

/**
 * A wave's report as one viewer may see it; every figure has passed the disclosure gate.
 */
public record WaveReport(Campaign campaign, Wave wave, long responses, boolean large, boolean hiddenUntilClose,
		List<Row> scores, List<ItemRow> items, List<CommentBlock> comments, DisclosurePolicy policy,
		boolean healthScreen) {

	public record Row(String key, String label, CellResult result, String parentLabel) {
	}

	public record Choice(String label, Long count) {
	}

	public record ItemRow(String linkId, String text, CellResult result, List<Choice> choices) {
	}

	public record CommentBlock(String linkId, String text, CellResult result) {
	}
}
