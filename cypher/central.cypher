// central: the most central actors by weighted degree (evidence sentences on all their edges).
// params: $limit – how many rows
MATCH (a)-[r]-(b)
WHERE (a:Person OR a:Organization OR a:Country OR a:Group) AND type(r) <> 'MENTIONED_IN'
RETURN a.name AS actor, labels(a)[0] AS label, sum(r.weight) AS weight, count(DISTINCT b) AS neighbours
ORDER BY weight DESC, actor
LIMIT $limit
