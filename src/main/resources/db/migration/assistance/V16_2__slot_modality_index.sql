-- The booking page and the API filter open slots by modality: read only that modality's rows, in time order.
CREATE INDEX assist_slot_modality_idx ON assist_slot (status, modality, starts_at);
