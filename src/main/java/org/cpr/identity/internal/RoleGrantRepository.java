package org.cpr.identity.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface RoleGrantRepository extends JpaRepository<RoleGrantEntity, UUID> {

	List<RoleGrantEntity> findByPersonId(UUID personId);

}
