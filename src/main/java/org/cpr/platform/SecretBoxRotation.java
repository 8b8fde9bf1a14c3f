package org.cpr.platform;

import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.cpr.shared.SealedValues;
import org.cpr.shared.SecretBox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The re-encryption job of a key rotation: on one node at a time, every module's
 * {@link SealedValues} reseal what is still under a retired key, in batches, until none
 * is left. Logs counts only. Once a run logs nothing left for every module, the retired
 * key can be removed from cpr.crypto.retired-keys.
 */
@Component
class SecretBoxRotation {

	private static final Logger log = LoggerFactory.getLogger(SecretBoxRotation.class);
	static final int BATCH = 200;

	private final SecretBox box;

	private final List<SealedValues> sealed;

	SecretBoxRotation(SecretBox box, ObjectProvider<SealedValues> sealed) {
		this.box = box;
		this.sealed = sealed.orderedStream().toList();
	}

	@Scheduled(fixedDelayString = "${cpr.crypto.reseal-every:PT1H}",
			initialDelayString = "${cpr.crypto.reseal-first-after:PT2M}")
	@SchedulerLock(name = "secret-box-reseal", lockAtMostFor = "PT1H")
	void resealAll() {
		for (SealedValues values : sealed) {
			int total = 0;
			int batch;
			do {
				batch = values.resealBatch(box, BATCH);
				total += batch;
			}
			while (batch > 0);
			if (total > 0) {
				log.info("SECRET_BOX_RESEALED {} values={} now under the primary key", values.name(), total);
			}
		}
	}

}
