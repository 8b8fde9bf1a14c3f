-- Moral distress in the check-in (issue 19): the optional Moral Distress Thermometer (0-10) of a
-- check-in, NULL when the person left it blank. It never changes the tier (see CheckinTiering).
ALTER TABLE checkin_submission ADD COLUMN moral_distress INT;
