package org.cpr.directory.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface DirectoryServiceRepository extends JpaRepository<DirectoryServiceEntity, UUID> {

	@Query("select s from DirectoryServiceEntity s where s.retired = false and s.ownerId is not null and s.lastReviewed < ?1 "
			+ "and (s.remindedOn is null or s.remindedOn < ?2)")
	List<DirectoryServiceEntity> findReviewDue(LocalDate reviewedBefore, LocalDate remindedBefore);

}
