package org.cpr.cqi.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface CqiPresentationRepository extends JpaRepository<CqiPresentation, UUID> {

	List<CqiPresentation> findByItemIdOrderByPresentedOnDesc(UUID itemId);

}
