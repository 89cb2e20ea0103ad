// matrix: the actor × issue table (two-mode view) as rows; weight sums every edge type,
// net the evidence for minus the evidence against (each relationship's weight × its stance).
MATCH (a)-[r]->(i:Issue)
RETURN a.name AS actor, i.name AS issue, sum(r.weight) AS weight, sum(r.weight * r.stance) AS net
ORDER BY actor, issue
