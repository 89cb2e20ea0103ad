// matrix: the actor × issue table (two-mode view) as rows; weight sums every edge type.
MATCH (a)-[r]->(i:Issue)
RETURN a.name AS actor, i.name AS issue, sum(r.weight) AS weight
ORDER BY actor, issue
