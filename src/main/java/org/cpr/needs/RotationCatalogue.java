package org.cpr.needs;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.OrgUnitKind;
import org.cpr.identity.OrgUnitSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rotation catalogue: each rotation at a hospital with its specialty and setting, and
 * what its guide lists besides tips (contacts, links to curriculum sessions and directory
 * services).
 */
@Service
public class RotationCatalogue {

	/**
	 * A link a guide shows: a curriculum session, a directory service or any page of the
	 * platform.
	 */
	public record GuideLink(UUID id, String label, String href) {
	}

	private final JdbcClient jdbc;

	private final IdentityManagement identity;

	RotationCatalogue(JdbcClient jdbc, IdentityManagement identity) {
		this.jdbc = jdbc;
		this.identity = identity;
	}

	/** The hospitals a rotation may belong to (org units of kind HOSPITAL). */
	public List<OrgUnitSummary> hospitals() {
		return identity.orgUnitsOfKind(OrgUnitKind.HOSPITAL);
	}

	@Transactional(readOnly = true)
	public List<Rotation> all() {
		Map<String, String> names = hospitalNames();
		return jdbc.sql("SELECT id, name, hospital_code, specialty, setting, contacts FROM needs_rotation")
			.query((rs, i) -> new Rotation(rs.getObject("id", UUID.class), rs.getString("name"),
					rs.getString("hospital_code"),
					names.getOrDefault(rs.getString("hospital_code"), rs.getString("hospital_code")),
					rs.getString("specialty"), Setting.valueOf(rs.getString("setting")), rs.getString("contacts")))
			.list()
			.stream()
			.sorted(Comparator.comparing(Rotation::name).thenComparing(Rotation::hospitalName))
			.toList();
	}

	public Optional<Rotation> find(UUID id) {
		return all().stream().filter(r -> r.id().equals(id)).findFirst();
	}

	public Map<UUID, Rotation> byId() {
		return all().stream().collect(Collectors.toMap(Rotation::id, Function.identity()));
	}

	/**
	 * The rotation named {@code name} at the site given by hospital code or name
	 * (case-insensitive).
	 */
	public Optional<Rotation> lookup(String name, String site) {
		if (name == null || site == null) {
			return Optional.empty();
		}
		String n = name.strip().toLowerCase(Locale.ROOT);
		String s = site.strip().toLowerCase(Locale.ROOT);
		return all().stream()
			.filter(r -> r.name().toLowerCase(Locale.ROOT).equals(n)
					&& (r.hospitalCode().toLowerCase(Locale.ROOT).equals(s)
							|| r.hospitalName().toLowerCase(Locale.ROOT).equals(s)))
			.findFirst();
	}

	/**
	 * Adds a rotation, or updates the one with this id; refuses blank or duplicate names
	 * and unknown hospitals.
	 */
	@Transactional
	public UUID save(UUID id, String name, String hospitalCode, String specialty, Setting setting, String contacts) {
		String n = required("name", name, 120);
		String sp = required("specialty", specialty, 75);
		if (hospitalCode == null || hospitals().stream().noneMatch(h -> h.code().equals(hospitalCode))) {
			throw new NeedsInputException("hospitalCode", "needs.rotation.hospital.unknown");
		}
		if (setting == null) {
			throw new NeedsInputException("setting", "needs.rotation.setting.required");
		}
		String c = contacts == null || contacts.isBlank() ? null : contacts.strip();
		if (c != null && c.length() > 1000) {
			throw new NeedsInputException("contacts", "needs.field.tooLong", 1000);
		}
		Optional<Rotation> same = lookup(n, hospitalCode);
		if (same.isPresent() && !same.get().id().equals(id)) {
			throw new NeedsInputException("name", "needs.rotation.duplicate");
		}
		if (id == null) {
			UUID created = UUID.randomUUID();
			jdbc.sql(
					"INSERT INTO needs_rotation (id, name, hospital_code, specialty, setting, contacts) VALUES (?,?,?,?,?,?)")
				.params(created, n, hospitalCode, sp, setting.name(), c)
				.update();
			return created;
		}
		int updated = jdbc.sql(
				"UPDATE needs_rotation SET name = ?, hospital_code = ?, specialty = ?, setting = ?, contacts = ? WHERE id = ?")
			.params(n, hospitalCode, sp, setting.name(), c, id)
			.update();
		if (updated == 0) {
			throw new NeedsInputException("id", "needs.rotation.notFound");
		}
		return id;
	}

	public List<GuideLink> links(UUID rotationId) {
		return jdbc.sql("SELECT id, label, href FROM needs_guide_link WHERE rotation_id = ? ORDER BY label")
			.param(rotationId)
			.query((rs, i) -> new GuideLink(rs.getObject("id", UUID.class), rs.getString("label"),
					rs.getString("href")))
			.list();
	}

	/** Adds a guide link; only platform paths ("/…") and https addresses are accepted. */
	@Transactional
	public void addLink(UUID rotationId, String label, String href) {
		String l = required("label", label, 160);
		String h = required("href", href, 400);
		if (!(h.startsWith("/") && !h.startsWith("//")) && !h.startsWith("https://")) {
			throw new NeedsInputException("href", "needs.link.href.invalid");
		}
		if (find(rotationId).isEmpty()) {
			throw new NeedsInputException("id", "needs.rotation.notFound");
		}
		jdbc.sql("INSERT INTO needs_guide_link (id, rotation_id, label, href) VALUES (?,?,?,?)")
			.params(UUID.randomUUID(), rotationId, l, h)
			.update();
	}

	@Transactional
	public void removeLink(UUID rotationId, UUID linkId) {
		jdbc.sql("DELETE FROM needs_guide_link WHERE id = ? AND rotation_id = ?").params(linkId, rotationId).update();
	}

	private Map<String, String> hospitalNames() {
		return hospitals().stream().collect(Collectors.toMap(OrgUnitSummary::code, OrgUnitSummary::name, (a, b) -> a));
	}

	private static String required(String field, String value, int max) {
		if (value == null || value.isBlank()) {
			throw new NeedsInputException(field, "needs.field.required");
		}
		String v = value.strip();
		if (v.length() > max) {
			throw new NeedsInputException(field, "needs.field.tooLong", max);
		}
		return v;
	}

}
