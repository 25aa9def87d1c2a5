-- The grading functions on their own: partial credit, case rules, numeric tolerance, ordering
-- and matching strategies, hotspots, the retry penalty and the grade policies.
begin;
select plan(44);

-- Multiple choice

select is(
    learning.grade_multiple_choice(array['a', 'c'], array['c', 'a'], false),
    1::numeric,
    'multiple choice: the exact set in any order earns full credit'
);
select is(
    learning.grade_multiple_choice(array['a'], array['a', 'c'], false),
    0::numeric,
    'multiple choice: a subset earns nothing without partial credit'
);
select is(
    learning.grade_multiple_choice(array['a'], array['a', 'c'], true),
    0.5::numeric,
    'multiple choice: one of two correct options earns half with partial credit'
);
select is(
    learning.grade_multiple_choice(array['a', 'b', 'c'], array['a', 'c'], true),
    0.5::numeric,
    'multiple choice: a wrong option takes back one share'
);
select is(
    learning.grade_multiple_choice(array['a', 'b', 'c', 'd'], array['a', 'c'], true),
    0::numeric,
    'multiple choice: selecting every option earns nothing'
);
select is(
    learning.grade_multiple_choice(array['a', 'a'], array['a', 'b', 'c'], true),
    0.333333::numeric,
    'multiple choice: a repeated option counts once, and credit is rounded to 6 places'
);

-- Fill in the blanks

select is(
    learning.normalize_blank_answer(E'  New \t  York ', false),
    'new york',
    'blank answers are trimmed, inner white space collapsed and lowercased'
);
select is(
    learning.normalize_blank_answer(' FR ', true),
    'FR',
    'a case-sensitive blank keeps the case'
);
select is(
    learning.grade_fill_in_blanks(
        '{"capital": " paris ", "country": "FR"}',
        '[{"id": "capital", "accepted": ["Paris"]}, '
        '{"id": "country", "accepted": ["France", "FR"], "case_sensitive": true}]'
    ),
    1::numeric,
    'blanks: case is ignored unless the blank is case-sensitive, and any accepted answer counts'
);
select is(
    learning.grade_fill_in_blanks(
        '{"capital": "Paris", "country": "france"}',
        '[{"id": "capital", "accepted": ["Paris"]}, '
        '{"id": "country", "accepted": ["France", "FR"], "case_sensitive": true}]'
    ),
    0.5::numeric,
    'blanks: the wrong case in a case-sensitive blank loses that blank'
);
select is(
    learning.grade_fill_in_blanks(
        '{"capital": "Paris"}',
        '[{"id": "capital", "accepted": ["Paris"]}, {"id": "country", "accepted": ["France"]}, '
        '{"id": "river", "accepted": ["Seine"]}]'
    ),
    0.333333::numeric,
    'blanks: a missing blank is wrong'
);

-- Numeric

select is(
    learning.grade_numeric(3.15, 3.14, 0.01),
    1::numeric,
    'numeric: a value at the tolerance is correct'
);
select is(
    learning.grade_numeric(3.1501, 3.14, 0.01),
    0::numeric,
    'numeric: a value beyond the tolerance is wrong'
);
select is(
    learning.grade_numeric(-2, -2.0, 0),
    1::numeric,
    'numeric: zero tolerance compares exact decimals'
);
select is(
    learning.grade_numeric(null, 1, 1),
    0::numeric,
    'numeric: no value is wrong'
);

-- Ordering

select is(
    learning.grade_ordering(array['a', 'b', 'c', 'd'], array['a', 'b', 'c', 'd'], 'exact'),
    1::numeric,
    'ordering: the exact order earns full credit with every strategy'
);
select is(
    learning.grade_ordering(array['b', 'a', 'c', 'd'], array['a', 'b', 'c', 'd'], 'exact'),
    0::numeric,
    'ordering, exact: one swap earns nothing'
);
select is(
    learning.grade_ordering(array['b', 'a', 'c', 'd'], array['a', 'b', 'c', 'd'], 'position'),
    0.5::numeric,
    'ordering, position: two of four items in place earn half'
);
select is(
    learning.grade_ordering(array['b', 'a', 'c', 'd'], array['a', 'b', 'c', 'd'], 'pairwise'),
    0.833333::numeric,
    'ordering, pairwise: one swapped pair of six earns 5/6'
);
select is(
    learning.grade_ordering(array['d', 'c', 'b', 'a'], array['a', 'b', 'c', 'd'], 'pairwise'),
    0::numeric,
    'ordering, pairwise: the reversed order earns nothing'
);
select is(
    learning.grade_ordering(array['d', 'a', 'b', 'c'], array['a', 'b', 'c', 'd'], 'position'),
    0::numeric,
    'ordering, position: a rotation places no item correctly'
);
select is(
    learning.grade_ordering(array['d', 'a', 'b', 'c'], array['a', 'b', 'c', 'd'], 'pairwise'),
    0.5::numeric,
    'ordering, pairwise: a rotation keeps three of six pairs'
);

-- Matching

select is(
    learning.grade_matching(
        '{"l1": "r1", "l2": "r2"}', '{"l2": "r2", "l1": "r1"}', 'exact'
    ),
    1::numeric,
    'matching: every pair of the key earns full credit'
);
select is(
    learning.grade_matching('{"l1": "r1"}', '{"l1": "r1", "l2": "r2"}', 'exact'),
    0::numeric,
    'matching, exact: a missing pair earns nothing'
);
select is(
    learning.grade_matching('{"l1": "r1"}', '{"l1": "r1", "l2": "r2"}', 'per_pair'),
    0.5::numeric,
    'matching, per pair: one of two pairs earns half'
);
select is(
    learning.grade_matching(
        '{"l1": "r1", "l2": "r3"}', '{"l1": "r1", "l2": "r2"}', 'per_pair'
    ),
    0::numeric,
    'matching, per pair: a wrong pair takes back a correct one'
);
select is(
    learning.grade_matching(
        '{"l1": "r1", "l2": "r2", "l3": "r4"}', '{"l1": "r1", "l2": "r2", "l3": "r3"}',
        'per_pair'
    ),
    0.333333::numeric,
    'matching, per pair: two right and one wrong of three earn a third'
);

-- Hotspot

select is(
    learning.grade_hotspot(0.55, 0.5, '[{"shape": "circle", "x": 0.5, "y": 0.5, "radius": 0.1}]'),
    1::numeric,
    'hotspot: a point inside a circle is correct'
);
select is(
    learning.grade_hotspot(0.6, 0.5, '[{"shape": "circle", "x": 0.5, "y": 0.5, "radius": 0.1}]'),
    1::numeric,
    'hotspot: a point on the circle is correct'
);
select is(
    learning.grade_hotspot(0.61, 0.5, '[{"shape": "circle", "x": 0.5, "y": 0.5, "radius": 0.1}]'),
    0::numeric,
    'hotspot: a point outside the circle is wrong'
);
select is(
    learning.grade_hotspot(
        0.3, 0.2,
        '[{"shape": "circle", "x": 0.5, "y": 0.5, "radius": 0.1}, '
        '{"shape": "rectangle", "x": 0.1, "y": 0.1, "width": 0.2, "height": 0.1}]'
    ),
    1::numeric,
    'hotspot: the corner of a rectangle counts, in any of the areas'
);
select is(
    learning.grade_hotspot(
        0.31, 0.2, '[{"shape": "rectangle", "x": 0.1, "y": 0.1, "width": 0.2, "height": 0.1}]'
    ),
    0::numeric,
    'hotspot: a point right of the rectangle is wrong'
);

-- Retry penalty

select is(
    learning.apply_retry_penalty(1, 2, 0.5, 1),
    2.00::numeric,
    'penalty: the first attempt keeps every point'
);
select is(
    learning.apply_retry_penalty(1, 2, 0.5, 3),
    1.00::numeric,
    'penalty: the third attempt loses two penalties'
);
select is(
    learning.apply_retry_penalty(0.5, 2, 0.5, 4),
    0::numeric,
    'penalty: the score does not go below 0'
);
select is(
    learning.apply_retry_penalty(0.333333, 1, 0, 1),
    0.33::numeric,
    'penalty: credit times points is rounded to 2 places'
);
select is(
    learning.apply_retry_penalty(0.125, 1, 0, 1),
    0.13::numeric,
    'penalty: a half is rounded away from zero'
);

-- Grade policies

select is(
    learning.score_by_policy('highest', array[1, null, 3, 2]::numeric[]),
    3::numeric,
    'policy highest: the best graded score'
);
select is(
    learning.score_by_policy('latest', array[1, null, 3, 2]::numeric[]),
    2::numeric,
    'policy latest: the last graded score'
);
select is(
    learning.score_by_policy('latest', array[1, 3, null]::numeric[]),
    3::numeric,
    'policy latest: an attempt waiting for a teacher is skipped'
);
select is(
    learning.score_by_policy('first', array[null, 1, 3]::numeric[]),
    1::numeric,
    'policy first: the first graded score'
);
select is(
    learning.score_by_policy('average', array[1, 2, 2]::numeric[]),
    1.67::numeric,
    'policy average: the mean rounded to 2 places'
);
select is(
    learning.score_by_policy('highest', array[null]::numeric[]),
    null,
    'a policy over no graded attempt gives no score'
);
select is(
    learning.score_by_policy('average', '{}'::numeric[]),
    null,
    'a policy over no attempt gives no score'
);

select * from finish();
rollback;
