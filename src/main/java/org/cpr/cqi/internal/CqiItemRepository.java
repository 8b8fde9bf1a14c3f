package org.cpr.cqi.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface CqiItemRepository extends JpaRepository<CqiItem, UUID> {

	List<CqiItem> findAllByOrderByUpdatedAtDesc();

	List<CqiItem> findByPublishedTrueOrderByUpdatedAtDesc();

}
