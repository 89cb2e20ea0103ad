// ties: the direct edges between two actors, in both directions.
// params: $a, $b – actor names or aliases (case-insensitive)
MATCH (x)
WHERE (x:Person OR x:Organization OR x:Country OR x:Group)
  AND (toLower(x.name) = toLower($a) OR any(n IN x.aliases WHERE toLower(n) = toLower($a)))
MATCH (y)
WHERE (y:Person OR y:Organization OR y:Country OR y:Group)
  AND (toLower(y.name) = toLower($b) OR any(n IN y.aliases WHERE toLower(n) = toLower($b)))
MATCH (x)-[r]-(y)
RETURN startNode(r).name AS source, type(r) AS type, endNode(r).name AS target, r.weight AS weight
ORDER BY weight DESC, source, type
