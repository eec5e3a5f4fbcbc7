-- UUIDv7 for set-based inserts (INSERT … SELECT): 48-bit Unix-ms timestamp over a random v4, version bits set to 7.
-- PostgreSQL 18 ships uuidv7(); this name avoids clashing with it.
CREATE OR REPLACE FUNCTION uuid_v7() RETURNS uuid AS $$
  SELECT encode(
    set_bit(set_bit(
      overlay(uuid_send(gen_random_uuid()) placing substring(int8send(floor(extract(epoch from clock_timestamp()) * 1000)::bigint) from 3) from 1 for 6),
    52, 1), 53, 1), 'hex')::uuid;
$$ LANGUAGE sql VOLATILE;
