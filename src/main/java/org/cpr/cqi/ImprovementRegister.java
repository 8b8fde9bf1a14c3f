package org.cpr.cqi;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.cpr.shared.PersonId;

/**
 * The improvement register: items move through the CQI workflow one allowed step at a
 * time, every step is kept in the item's history, and only what a facilitator publishes
 * reaches the "you said, we did" board. Implemented in {@code internal/} over the
 * register's entities.
 */
public interface ImprovementRegister {

	/** Why a change was refused; the web layer turns these into field messages. */
	final class RefusedException extends RuntimeException {

		private final String messageKey;

		public RefusedException(String messageKey) {
			super(messageKey);
			this.messageKey = messageKey;
		}

		public String messageKey() {
			return messageKey;
		}

	}

	UUID create(ItemDraft draft, PersonId by);

	void update(UUID id, ItemDraft draft, PersonId by);

	void move(UUID id, CqiStatus target, String reason, PersonId by);

	void addSolution(UUID id, String description, PersonId by);

	/** Records a presentation; an accept or decline decision moves the item on. */
	void recordPresentation(UUID id, PresentationRecord p, PersonId by);

	void publish(UUID id, String youSaid, String weDid, PersonId by);

	List<ItemView> list();

	Optional<ItemView> find(UUID id);

	/**
	 * The "you said, we did" board: published items only, nothing that identifies a
	 * reporter; a re-measured item shows the measurement it was checked against.
	 */
	List<BoardEntry> board();

}
