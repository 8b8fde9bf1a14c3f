package org.cpr.cqi.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface CqiSolutionRepository extends JpaRepository<CqiSolution, UUID> {

	List<CqiSolution> findByItemIdOrderByProposedAt(UUID itemId);

}
