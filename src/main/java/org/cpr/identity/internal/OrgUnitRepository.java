package org.cpr.identity.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface OrgUnitRepository extends JpaRepository<OrgUnit, UUID> {

	Optional<OrgUnit> findByCode(String code);

	List<OrgUnit> findByParentIdOrderByName(UUID parentId);

	List<OrgUnit> findAllByOrderByName();

}
