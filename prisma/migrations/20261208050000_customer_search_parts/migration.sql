-- A search term's typo matching in parts (decision 72). GIN reads one tsquery as one scan key, and
-- for an AND inside it ("Olga Naakmura": every Olga's keys, and every Nakamura's) it walked the
-- posting lists of both words: 20–30 ms at 1M customers. The same words as separate `@@`
-- conditions are separate scan keys, and GIN skips each word's list to the other's matches: 3–5 ms.
-- So the term's tsquery is also given in parts, whose AND is customer_search_query's tsquery.

-- The term's words, each as a tsquery's group: the word's keys OR'd. NULL when a word is over 64
-- characters (the keys do not hold it); empty when the term has no word.
CREATE FUNCTION customer_search_groups(workspace_id text, term text) RETURNS text[]
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
  RETURN groups;
END $$;

-- Part `part` of `parts` (1-based): the AND of parts 1..parts is customer_search_query's tsquery
-- for any `parts`, whatever the term's word count. Part k < parts is word k; the last part is
-- every word from `parts` on; a part past the term's last word repeats its first word. So the
-- caller may guess the word count (it cannot split words as PostgreSQL does) and only the speed
-- depends on the guess. NULL when the term has no word, or one over 64 characters.
CREATE FUNCTION customer_search_query_part(workspace_id text, term text, part int, parts int) RETURNS tsquery
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  groups text[] := customer_search_groups(workspace_id, term);
  words int := coalesce(cardinality(groups), 0);
BEGIN
  IF part < 1 OR part > parts THEN
    RAISE EXCEPTION 'customer_search_query_part: no part % of %', part, parts;
  END IF;
  IF words = 0 THEN RETURN NULL; END IF;
  IF part > words THEN RETURN groups[1]::tsquery; END IF;
  IF part < parts THEN RETURN groups[part]::tsquery; END IF;
  RETURN array_to_string(groups[part:words], ' & ')::tsquery;
END $$;

-- The whole term in one tsquery: what it returned before (migration customer_search_words), now
-- the one part of one. The search itself asks in parts; this is what the parts must add up to.
CREATE OR REPLACE FUNCTION customer_search_query(workspace_id text, term text) RETURNS tsquery
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT customer_search_query_part(workspace_id, term, 1, 1)
$$;
