package org.cpr.survey;

import java.util.UUID;
import org.cpr.shared.PersonId;

/**
 * SPI for a module that sends a campaign and knows, from its own records, the coarse
 * grouping of each respondent (e.g. the rotation schedule: rotation, hospital). When a
 * provider {@linkplain #attaches attaches} attributes to a campaign, the answer form asks
 * the respondent for none, and whatever a client sends is replaced by the provider's
 * attributes. The attributes go into the anonymous mixing pool like typed ones, so
 * batching still separates them from the ledger.
 *
 * <p>
 * The provider must coarsen: no attribute combination it attaches may be shared by fewer
 * of the campaign's invitees than the campaign's minimum cell size (a rarer combination
 * is coarsened or left empty, never stored).
 */
public interface SenderAttributes {

	/** Whether this provider supplies the attributes of the campaign's responses. */
	boolean attaches(UUID campaignId);

	/**
	 * The already coarsened attributes of this respondent's answer (parts may be null).
	 */
	SubmissionContext attributesFor(UUID campaignId, PersonId person);

}
