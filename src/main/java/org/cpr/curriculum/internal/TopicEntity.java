package org.cpr.curriculum.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One topic row; lists are text lines and sets comma-separated codes (see the migration).
 */
@Entity
@Table(name = "curriculum_topic")
class TopicEntity {

	@Id
	private UUID id;

	private String code;

	private String title;

	private String summary;

	private String objectives;

	private String format;

	private int minutes;

	@Column(name = "facilitator_notes")
	private String facilitatorNotes;

	private String resources;

	private String competencies;

	private String requirements;

	private boolean retired;

	@Column(name = "updated_at")
	private Instant updatedAt;

	@Column(name = "updated_by")
	private UUID updatedBy;

	@Version
	private long version;

	protected TopicEntity() {
	}

	public TopicEntity(UUID id) {
		this.id = id;
	}

	public UUID getId() {
		return id;
	}

	public String getCode() {
		return code;
	}

	public void setCode(String code) {
		this.code = code;
	}

	public String getTitle() {
		return title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getSummary() {
		return summary;
	}

	public void setSummary(String summary) {
		this.summary = summary;
	}

	public String getObjectives() {
		return objectives;
	}

	public void setObjectives(String objectives) {
		this.objectives = objectives;
	}

	public String getFormat() {
		return format;
	}

	public void setFormat(String format) {
		this.format = format;
	}

	public int getMinutes() {
		return minutes;
	}

	public void setMinutes(int minutes) {
		this.minutes = minutes;
	}

	public String getFacilitatorNotes() {
		return facilitatorNotes;
	}

	public void setFacilitatorNotes(String facilitatorNotes) {
		this.facilitatorNotes = facilitatorNotes;
	}

	public String getResources() {
		return resources;
	}

	public void setResources(String resources) {
		this.resources = resources;
	}

	public String getCompetencies() {
		return competencies;
	}

	public void setCompetencies(String competencies) {
		this.competencies = competencies;
	}

	public String getRequirements() {
		return requirements;
	}

	public void setRequirements(String requirements) {
		this.requirements = requirements;
	}

	public boolean isRetired() {
		return retired;
	}

	public void setRetired(boolean retired) {
		this.retired = retired;
	}

	public void touch(Instant at, UUID by) {
		this.updatedAt = at;
		this.updatedBy = by;
	}

}
