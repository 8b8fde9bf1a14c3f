-- Needs results are scoped to the viewer's org units: each end-of-rotation campaign is sent to the
-- people of one program (or department), so its answers belong to that unit. Campaigns sent before
-- this change have no unit and are shown only to viewers whose grant covers a whole org tree.
ALTER TABLE needs_campaign ADD COLUMN org_unit_id UUID;
CREATE INDEX needs_campaign_unit_idx ON needs_campaign (org_unit_id);
-- A tip keeps the campaign it came from, so the review queue shows a reviewer only their units' tips.
ALTER TABLE needs_tip ADD COLUMN campaign_id UUID;
