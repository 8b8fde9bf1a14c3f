package org.cpr.evaluation.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.cpr.evaluation.EvaluationConsent;
import org.cpr.evaluation.ExportElement;
import org.cpr.evaluation.ExportRefused;
import org.cpr.evaluation.ExportRefused.Reason;
import org.cpr.evaluation.ExportRequest;
import org.cpr.evaluation.OutcomeMeasures;
import org.cpr.evaluation.ResearchExports;
import org.cpr.evaluation.ResearchProtocol;
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.OrgUnitSummary;
import org.cpr.identity.PersonSummary;
import org.cpr.shared.AuditEntry;
import org.cpr.shared.AuditPort;
import org.cpr.shared.KeyedHash;
import org.cpr.shared.PersonId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link ResearchExports}: checks, then streams inside one read-only transaction (a
 * database cursor).
 */
@Service
class ResearchExportService implements ResearchExports {

	private final ProtocolStore store;

	private final List<OutcomeMeasures> measures;

	private final EvaluationConsent consent;

	private final IdentityManagement identity;

	private final KeyedHash hash;

	private final AuditPort audit;

	private final Clock clock;

	private final TransactionTemplate readOnly;

	ResearchExportService(ProtocolStore store, List<OutcomeMeasures> measures, EvaluationConsent consent,
			IdentityManagement identity, KeyedHash hash, AuditPort audit, Clock clock,
			PlatformTransactionManager transactions) {
		this.store = store;
		this.measures = List.copyOf(measures);
		this.consent = consent;
		this.identity = identity;
		this.hash = hash;
		this.audit = audit;
		this.clock = clock;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	@Override
	public ResearchProtocol register(ProtocolDraft d, PersonId by) {
		if (blank(d.irbNumber()) || blank(d.title()) || blank(d.principalInvestigator()) || d.approvedOn() == null
				|| d.expiresOn() == null || d.elements() == null || d.elements().isEmpty()
				|| d.researcherUsernames().isEmpty()) {
			throw new ExportRefused(Reason.PROTOCOL_INCOMPLETE);
		}
		if (d.expiresOn().isBefore(d.approvedOn())) {
			throw new ExportRefused(Reason.PROTOCOL_DATES);
		}
		if (store.irbNumberTaken(d.irbNumber().strip())) {
			throw new ExportRefused(Reason.IRB_TAKEN);
		}
		Set<PersonId> researchers = new HashSet<>();
		for (String username : d.researcherUsernames()) {
			researchers.add(identity.byUsername(username.strip())
				.map(PersonSummary::id)
				.orElseThrow(() -> new ExportRefused(Reason.UNKNOWN_RESEARCHER)));
		}
		ResearchProtocol p = new ResearchProtocol(UUID.randomUUID(), d.irbNumber().strip(), d.title().strip(),
				d.principalInvestigator().strip(), d.approvedOn(), d.expiresOn(), d.elements(), researchers);
		store.insert(p, by, clock.instant());
		audit.record(
				AuditEntry.administration(by, "RESEARCH_PROTOCOL_REGISTERED", "research_protocol", p.id().toString())
					.detail("researchers=" + researchers.size()));
		return p;
	}

	@Override
	public List<ResearchProtocol> protocols() {
		return store.all();
	}

	@Override
	public List<ResearchProtocol> protocolsOf(PersonId researcher) {
		return store.all().stream().filter(p -> p.researchers().contains(researcher)).toList();
	}

	@Override
	public Optional<ResearchProtocol> protocol(UUID id) {
		return store.find(id);
	}

	@Override
	public ResearchProtocol check(ExportRequest request, PersonId researcher) {
		ResearchProtocol protocol = validate(request, researcher);
		if (readOnly.execute(tx -> exportable(protocol, request).isEmpty())) {
			throw refused(Reason.TOO_FEW_PEOPLE, request, researcher);
		}
		return protocol;
	}

	@Override
	public long export(ExportRequest request, PersonId researcher, OutputStream out) throws IOException {
		ResearchProtocol protocol = validate(request, researcher);
		long rows;
		try {
			rows = readOnly.execute(tx -> {
				Map<PersonId, KAnonymity.Qi> people = exportable(protocol, request);
				if (people.isEmpty()) {
					throw refused(Reason.TOO_FEW_PEOPLE, request, researcher);
				}
				ExportWriter writer = new ExportWriter(hash, protocol.id(), request.elements(), people);
				try {
					return writer.write(each -> measures
						.forEach(m -> m.forEach(writer.instruments(), request.from(), request.to().plusDays(1), each)),
							out);
				}
				catch (IOException e) {
					throw new java.io.UncheckedIOException(e);
				}
			});
		}
		catch (java.io.UncheckedIOException e) {
			throw e.getCause();
		}
		audit.record(
				AuditEntry.of(researcher, "RESEARCH_EXPORT", "research_protocol", protocol.id().toString(), "research")
					.detail("rows=" + rows + " elements="
							+ request.elements().stream().map(Enum::name).sorted().collect(Collectors.joining("+"))));
		return rows;
	}

	@Override
	public String dictionary(ExportRequest request, PersonId researcher) {
		validate(request, researcher);
		StringWriter out = new StringWriter();
		try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
			RedcapDictionary.write(csv, request.elements());
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		return out.toString();
	}

	private ResearchProtocol validate(ExportRequest request, PersonId researcher) {
		ResearchProtocol protocol = request.protocol() == null ? null : store.find(request.protocol()).orElse(null);
		if (protocol == null) {
			throw refused(Reason.UNKNOWN_PROTOCOL, request, researcher);
		}
		if (!protocol.researchers().contains(researcher)) {
			throw refused(Reason.NOT_ON_PROTOCOL, request, researcher);
		}
		LocalDate today = LocalDate.now(clock);
		if (today.isBefore(protocol.approvedOn())) {
			throw refused(Reason.NOT_YET_APPROVED, request, researcher);
		}
		if (today.isAfter(protocol.expiresOn())) {
			throw refused(Reason.EXPIRED, request, researcher);
		}
		if (request.elements().stream().noneMatch(e -> e.instrument() != null)) {
			throw refused(Reason.NO_ELEMENTS, request, researcher);
		}
		if (!protocol.elements().containsAll(request.elements())) {
			throw refused(Reason.ELEMENT_NOT_APPROVED, request, researcher);
		}
		if (request.from() == null || request.to() == null || request.to().isBefore(request.from())
				|| request.to().isAfter(today)) {
			throw refused(Reason.BAD_WINDOW, request, researcher);
		}
		return protocol;
	}

	/** Consenting people with a score in the window, recoded to k-anonymity. */
	private Map<PersonId, KAnonymity.Qi> exportable(ResearchProtocol protocol, ExportRequest request) {
		Set<String> instruments = request.elements()
			.stream()
			.map(ExportElement::instrument)
			.filter(i -> i != null)
			.collect(Collectors.toSet());
		Set<PersonId> measured = new HashSet<>();
		measures.forEach(
				m -> m.forEach(instruments, request.from(), request.to().plusDays(1), x -> measured.add(x.person())));
		Set<PersonId> consenting = consent.consenting(measured);
		Map<PersonId, PersonSummary> known = new HashMap<>();
		List<org.cpr.shared.OrgUnitId> roots = identity.orgUnits()
			.stream()
			.filter(u -> u.parent() == null)
			.map(OrgUnitSummary::id)
			.toList();
		identity.audience(roots, Set.of(), Set.of()).forEach(p -> known.put(p.id(), p));
		Map<PersonId, KAnonymity.Qi> qis = new HashMap<>();
		for (PersonId p : consenting) {
			PersonSummary s = known.get(p);
			qis.put(p,
					new KAnonymity.Qi(
							s == null || s.traineeType() == null ? "other"
									: s.traineeType().name().toLowerCase(java.util.Locale.ROOT),
							KAnonymity.band(s == null ? null : s.trainingLevel())));
		}
		return KAnonymity.recode(qis, request.elements().contains(ExportElement.TRAINEE_TYPE),
				request.elements().contains(ExportElement.TRAINING_LEVEL), K);
	}

	private ExportRefused refused(Reason reason, ExportRequest request, PersonId researcher) {
		audit.record(AuditEntry
			.of(researcher, "RESEARCH_EXPORT", "research_protocol",
					request.protocol() == null ? null : request.protocol().toString(), "research")
			.outcome(AuditEntry.Outcome.DENIED)
			.detail("reason=" + reason.name()));
		return new ExportRefused(reason);
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

}
