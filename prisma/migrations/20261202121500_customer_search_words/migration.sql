-- Typo-tolerant search by words (decision 61). Every word of a customer's name and address is
-- stored with its one-letter deletions ("~"-prefixed); a term's word matches a customer's word
-- when both are equal after removing at most one letter from each: one letter added, dropped,
-- changed, or two neighbours swapped. Both sides are split by the same SQL, so they always agree.

-- Four characters from the workspace id, in front of every key: each workspace gets posting lists
-- of its own in the one GIN index, so a search reads its own workspace's keys only, without a
-- workspace_id column in the index (whose 1M-row posting list cost a name typo ~10 ms at 1M).
-- Two workspaces may share a tag (1 in 16M); the query's workspace_id condition still holds.
CREATE FUNCTION customer_search_tag(workspace_id text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT encode(substr(decode(md5(workspace_id), 'hex'), 1, 3), 'base64')
$$;

-- A customer's words and their deletions, as the lexemes of a tsvector (no parsing, no stemming).
-- Words of fewer than 4 characters or with a digit are kept exact: a typo there is another word.
-- Words over 64 characters are not kept (the search still matches them in part).
CREATE FUNCTION customer_search_keys(workspace_id text, name text, email text) RETURNS tsvector
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  tag text := customer_search_tag(workspace_id);
  keys text[] := '{}';
  word text;
  size int;
BEGIN
  FOREACH word IN ARRAY regexp_split_to_array(lower(coalesce(name, '') || ' ' || coalesce(email, '')), '[^[:alnum:]]+') LOOP
    size := char_length(word);
    CONTINUE WHEN size = 0 OR size > 64;
    keys := keys || (tag || word);
    IF size >= 4 AND word !~ '[0-9]' THEN
      FOR i IN 1..size LOOP
        keys := keys || (tag || '~' || left(word, i - 1) || substr(word, i + 1));
      END LOOP;
    END IF;
  END LOOP;
  RETURN array_to_tsvector(keys);
END $$;

-- A search term as a tsquery over a workspace's keys: every word of the term must match a word of
-- the customer, exactly or (a word of 4+ letters without digits) within one typo. NULL when the
-- term has no word, or one the keys cannot hold (over 64 characters). No word is a prefix
-- ('smi':*): GIN reads every key a prefix matches in full, and a common one ("com") costs 100+ ms;
-- the partial match (ILIKE) already finds a term cut short.
CREATE FUNCTION customer_search_query(workspace_id text, term text) RETURNS tsquery
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  tag text := customer_search_tag(workspace_id);
  groups text[] := '{}';
  keys text[];
  word text;
  deletion text;
  size int;
BEGIN
  FOREACH word IN ARRAY regexp_split_to_array(lower(term), '[^[:alnum:]]+') LOOP
    size := char_length(word);
    CONTINUE WHEN size = 0;
    IF size > 64 THEN RETURN NULL; END IF;
    keys := ARRAY[quote_literal(tag || word)];
    IF size >= 4 AND word !~ '[0-9]' THEN
      -- the word itself is a deletion of a customer's longer word ("~word"); a deletion of it is a
      -- customer's word (an extra letter typed) or a deletion of one (a letter changed or swapped)
      keys := keys || quote_literal(tag || '~' || word);
      FOR i IN 1..size LOOP
        deletion := left(word, i - 1) || substr(word, i + 1);
        keys := keys || quote_literal(tag || deletion) || quote_literal(tag || '~' || deletion);
      END LOOP;
    END IF;
    groups := groups || ('(' || array_to_string(keys, ' | ') || ')');
  END LOOP;
  IF cardinality(groups) = 0 THEN RETURN NULL; END IF;
  RETURN array_to_string(groups, ' & ')::tsquery;
END $$;

-- Rewrites the table once (every row's keys are computed): a few minutes per million customers.
ALTER TABLE "customers" ADD COLUMN "search_keys" tsvector
  GENERATED ALWAYS AS (customer_search_keys("workspace_id", "name", "email_normalized")) STORED;

CREATE INDEX "customers_search_keys_idx" ON "customers" USING GIN ("search_keys");
