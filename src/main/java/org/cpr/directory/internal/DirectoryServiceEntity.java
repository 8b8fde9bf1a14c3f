package org.cpr.directory.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.cpr.directory.AccessMode;
import org.cpr.directory.Confidentiality;
import org.cpr.directory.CostLevel;
import org.cpr.directory.ProviderKind;
import org.cpr.directory.ReportedTo;
import org.cpr.directory.ServiceCategory;
import org.cpr.directory.ServiceEntry;
import org.cpr.identity.TraineeType;
import org.cpr.shared.Role;

@Entity
@Table(name = "directory_service")
class DirectoryServiceEntity {

	@Id
	private UUID id;

	private String name;

	@Enumerated(EnumType.STRING)
	@Column(name = "provider_kind")
	private ProviderKind providerKind;

	@Column(name = "provider_name")
	private String providerName;

	@Enumerated(EnumType.STRING)
	private ServiceCategory category;

	private String audiences;

	@Column(name = "audience_roles")
	private String audienceRoles;

	@Enumerated(EnumType.STRING)
	private Confidentiality confidentiality;

	@Column(name = "reported_to")
	private String reportedTo;

	@Column(name = "confidentiality_note")
	private String confidentialityNote;

	@Enumerated(EnumType.STRING)
	private CostLevel cost;

	@Column(name = "cost_note")
	private String costNote;

	@Column(name = "after_hours")
	private boolean afterHours;

	private String hours;

	@Column(name = "access_modes")
	private String accessModes;

	@Column(name = "virtual_option")
	private boolean virtualOption;

	private String location;

	private String phone;

	private String email;

	private String url;

	private String languages;

	private String description;

	@Column(name = "owner_id")
	private UUID ownerId;

	@Column(name = "last_reviewed")
	private LocalDate lastReviewed;

	@Column(name = "reminded_on")
	private LocalDate remindedOn;

	private boolean retired;

	@Column(name = "retired_on")
	private LocalDate retiredOn;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "updated_at")
	private Instant updatedAt;

	@Version
	private long version;

	protected DirectoryServiceEntity() {
	}

	public DirectoryServiceEntity(UUID id, Instant now) {
		this.id = id;
		this.createdAt = now;
		this.updatedAt = now;
	}

	/**
	 * Copies every descriptive field from an entry (id, retirement and audit fields are
	 * kept).
	 */
	public void describe(ServiceEntry e, UUID owner, Instant now) {
		name = e.name();
		providerKind = e.providerKind();
		providerName = e.providerName();
		category = e.category();
		audiences = join(e.audiences());
		audienceRoles = join(e.audienceRoles());
		confidentiality = e.confidentiality();
		reportedTo = e.confidentiality() == Confidentiality.REPORTED ? join(e.reportedTo()) : null;
		confidentialityNote = e.confidentialityNote();
		cost = e.cost();
		costNote = e.costNote();
		afterHours = e.afterHours();
		hours = e.hours();
		accessModes = join(e.accessModes());
		virtualOption = e.virtualOption();
		location = e.location();
		phone = e.phone();
		email = e.email();
		url = e.url();
		languages = String.join(",", e.languages());
		description = e.description();
		ownerId = owner;
		lastReviewed = e.lastReviewed();
		updatedAt = now;
	}

	public void markReviewed(LocalDate today, Instant now) {
		lastReviewed = today;
		remindedOn = null;
		updatedAt = now;
	}

	void reminded(LocalDate today) {
		remindedOn = today;
	}

	public void retire(LocalDate today, Instant now) {
		retired = true;
		retiredOn = today;
		updatedAt = now;
	}

	public ServiceEntry entry() {
		return new ServiceEntry(id, name, providerKind, providerName, category, parse(TraineeType.class, audiences),
				confidentiality, parse(ReportedTo.class, reportedTo), confidentialityNote, cost, costNote, afterHours,
				hours, parse(AccessMode.class, accessModes), virtualOption, location, phone, email, url,
				languages == null || languages.isBlank() ? Set.of()
						: new LinkedHashSet<>(Arrays.asList(languages.split(","))),
				description, lastReviewed, retired, retiredOn, parse(Role.class, audienceRoles));
	}

	public UUID getId() {
		return id;
	}

	public UUID getOwnerId() {
		return ownerId;
	}

	LocalDate getLastReviewed() {
		return lastReviewed;
	}

	LocalDate getRemindedOn() {
		return remindedOn;
	}

	boolean isRetired() {
		return retired;
	}

	private static String join(Set<? extends Enum<?>> values) {
		return values.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
	}

	private static <E extends Enum<E>> Set<E> parse(Class<E> type, String csv) {
		Set<E> set = EnumSet.noneOf(type);
		if (csv != null && !csv.isBlank()) {
			Arrays.stream(csv.split(","))
				.map(String::strip)
				.filter(s -> !s.isEmpty())
				.forEach(s -> set.add(Enum.valueOf(type, s)));
		}
		return set;
	}

}
