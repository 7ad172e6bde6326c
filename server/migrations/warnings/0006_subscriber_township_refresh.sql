-- A subscriber known only by location belongs to the township of the nearest village point
-- (0004). A village point added or moved later can be nearer: those subscribers' townships
-- are then resolved again (the row trigger of 0004 fires on SET location). Subscribers with a
-- division code keep theirs (it is a prefix of the code). Statement triggers with transition
-- tables: a division import that adds or moves no village point costs nothing.
CREATE INDEX subscribers_location_only_idx ON warnings.subscribers (id) WHERE division_code IS NULL AND location IS NOT NULL;

CREATE FUNCTION warnings.refresh_located_townships() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM changed_divisions c WHERE c.level = 'village' AND c.location IS NOT NULL) THEN
    UPDATE warnings.subscribers SET location = location WHERE division_code IS NULL AND location IS NOT NULL;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER divisions_village_points_added AFTER INSERT ON geo.divisions
  REFERENCING NEW TABLE AS changed_divisions FOR EACH STATEMENT EXECUTE FUNCTION warnings.refresh_located_townships();

CREATE FUNCTION warnings.refresh_located_townships_on_move() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM moved_new n JOIN moved_old o ON o.code = n.code
             WHERE n.level = 'village' AND n.location IS DISTINCT FROM o.location) THEN
    UPDATE warnings.subscribers SET location = location WHERE division_code IS NULL AND location IS NOT NULL;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER divisions_village_points_moved AFTER UPDATE ON geo.divisions
  REFERENCING OLD TABLE AS moved_old NEW TABLE AS moved_new FOR EACH STATEMENT EXECUTE FUNCTION warnings.refresh_located_townships_on_move();
