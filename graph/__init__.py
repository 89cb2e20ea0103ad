"""The graph side of actorgraph: ontology, embedded store, queries, views and exports."""
