// profile: an actor's issues and ties, one row per neighbour, edge type and direction.
// stance: +1 / -1 / 0 on the actor's edges to issues, null on ties to other actors.
// params: $actor – the actor's name or an alias (case-insensitive)
MATCH (a)
WHERE (a:Person OR a:Organization OR a:Country OR a:Group)
  AND (toLower(a.name) = toLower($actor) OR any(x IN a.aliases WHERE toLower(x) = toLower($actor)))
MATCH (a)-[r]-(b)
WHERE type(r) <> 'MENTIONED_IN'
RETURN b.name AS other, labels(b)[0] AS other_label,
       CASE WHEN startNode(r) = a THEN 'out' ELSE 'in' END AS direction,
       type(r) AS type, r.stance AS stance, r.weight AS weight
ORDER BY weight DESC, other, type, direction
