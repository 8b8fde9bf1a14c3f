package org.cpr.identity.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.cpr.identity.TraineeType;

@Entity
@Table(name = "person")
class Person {

	@Id
	private UUID id;

	private String username;

	private String email;

	@Column(name = "display_name")
	private String displayName;

	@Enumerated(EnumType.STRING)
	@Column(name = "trainee_type")
	private TraineeType traineeType;

	@Column(name = "training_level")
	private String trainingLevel;

	@Column(name = "department_id")
	private UUID departmentId;

	@Column(name = "program_id")
	private UUID programId;

	@Column(name = "password_hash")
	private String passwordHash;

	private boolean active = true;

	@Column(name = "preferred_locale")
	private String preferredLocale;

	@Column(name = "failed_logins")
	private int failedLogins;

	@Column(name = "locked_until")
	private Instant lockedUntil;

	@Column(name = "mfa_secret")
	private String mfaSecret;

	@Column(name = "mfa_enabled")
	private boolean mfaEnabled;

	@Column(name = "created_at")
	private Instant createdAt;

	@Version
	private long version;

	protected Person() {
	}

	public Person(UUID id, String username, String email, String displayName, TraineeType traineeType,
			String trainingLevel, UUID departmentId, UUID programId, Instant createdAt) {
		this.id = id;
		this.username = username;
		this.email = email;
		this.displayName = displayName;
		this.traineeType = traineeType;
		this.trainingLevel = trainingLevel;
		this.departmentId = departmentId;
		this.programId = programId;
		this.createdAt = createdAt;
	}

	public UUID getId() {
		return id;
	}

	public String getUsername() {
		return username;
	}

	public String getEmail() {
		return email;
	}

	public String getDisplayName() {
		return displayName;
	}

	public TraineeType getTraineeType() {
		return traineeType;
	}

	public String getTrainingLevel() {
		return trainingLevel;
	}

	public UUID getDepartmentId() {
		return departmentId;
	}

	public UUID getProgramId() {
		return programId;
	}

	public String getPasswordHash() {
		return passwordHash;
	}

	public boolean isActive() {
		return active;
	}

	public String getPreferredLocale() {
		return preferredLocale;
	}

	public int getFailedLogins() {
		return failedLogins;
	}

	public Instant getLockedUntil() {
		return lockedUntil;
	}

	public String getMfaSecret() {
		return mfaSecret;
	}

	public boolean isMfaEnabled() {
		return mfaEnabled;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public void changePassword(String hash) {
		this.passwordHash = hash;
	}

	public void setActive(boolean active) {
		this.active = active;
	}

	public void setPreferredLocale(String locale) {
		this.preferredLocale = locale;
	}

	public void updateProfile(String email, String displayName, TraineeType traineeType, String trainingLevel,
			UUID departmentId, UUID programId) {
		this.email = email;
		this.displayName = displayName;
		this.traineeType = traineeType;
		this.trainingLevel = trainingLevel;
		this.departmentId = departmentId;
		this.programId = programId;
	}

	public void loginFailed(int lockAfter, Instant now, java.time.Duration lockFor) {
		failedLogins++;
		if (failedLogins >= lockAfter) {
			lockedUntil = now.plus(lockFor);
		}
	}

	public void loginSucceeded() {
		failedLogins = 0;
		lockedUntil = null;
	}

	public boolean isLockedAt(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}

	public void enableMfa(String secret) {
		this.mfaSecret = secret;
		this.mfaEnabled = true;
	}

	public void disableMfa() {
		this.mfaSecret = null;
		this.mfaEnabled = false;
	}

}
