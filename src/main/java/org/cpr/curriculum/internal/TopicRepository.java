package org.cpr.curriculum.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** Topics by id and code. */
interface TopicRepository extends JpaRepository<TopicEntity, UUID> {

	Optional<TopicEntity> findByCode(String code);

	List<TopicEntity> findAllByOrderByTitle();

}
