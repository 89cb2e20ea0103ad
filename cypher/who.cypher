// who: the actors tied to an issue, one row per actor and edge type, strongest first.
// stance: +1 for the issue, -1 against, 0 neutral (the relationship property `push` sets).
// params: $issue – the issue's name or an alias (case-insensitive)
MATCH (i:Issue)
WHERE toLower(i.name) = toLower($issue) OR any(x IN i.aliases WHERE toLower(x) = toLower($issue))
MATCH (a)-[r]->(i)
RETURN a.name AS actor, labels(a)[0] AS label, type(r) AS type, r.stance AS stance, r.weight AS weight
ORDER BY weight DESC, actor, type
