-- Each subscriber's township, resolved once when the subscriber is written instead of at every
-- fan-out (issue #5 point 8). For a subscriber with only a location it is the township of the
-- nearest village point — a per-row nearest-neighbour search that cost ~1.5 ms per such
-- subscriber in the fan-out (PGlite), a quarter of a township's recipient list at 1,000,000.
ALTER TABLE warnings.subscribers ADD COLUMN township_code text CHECK (township_code ~ '^[0-9]{12}$');

CREATE FUNCTION warnings.resolve_subscriber_township() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.division_code IS NOT NULL THEN
    NEW.township_code := substr(NEW.division_code, 1, 9) || '000';
  ELSE
    NEW.township_code := (SELECT substr(v.code::text, 1, 9) || '000' FROM geo.divisions v
      WHERE v.level = 'village' AND v.location IS NOT NULL ORDER BY v.location <-> NEW.location LIMIT 1);
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER subscribers_township BEFORE INSERT OR UPDATE OF division_code, location ON warnings.subscribers
  FOR EACH ROW EXECUTE FUNCTION warnings.resolve_subscriber_township();

UPDATE warnings.subscribers SET division_code = division_code;
