"""Forgiving name lookup: aliases, case, accents and dots ignored, close spellings suggested."""

from __future__ import annotations

import difflib

from actorgraph.graph.model import normalize_alias
from actorgraph.graph.store import Node, Store


class NodeLookupError(LookupError):
    """No node or several nodes match; the message lists what was found or what is close."""


def find_node(store: Store, text: str, labels: set[str] | None = None) -> Node:
    norm = normalize_alias(text)
    exact = [n for n in store.nodes_by_alias(norm) if labels is None or n.label in labels]
    if len(exact) == 1:
        return exact[0]
    if len(exact) > 1:
        by_name = [n for n in exact if normalize_alias(n.name) == norm]
        if len(by_name) == 1:
            return by_name[0]
        names = ", ".join(f"{n.name} ({n.label})" for n in exact)
        raise NodeLookupError(f"{text!r} is ambiguous: {names}")
    pool = list(store.nodes(labels))
    forms = {normalize_alias(a): n for n in pool for a in (n.name, *n.aliases)}
    partial = {
        n.id: n for form, n in forms.items() if norm and (norm in form.split() or form.startswith(norm))
    }
    if len(partial) == 1:
        return next(iter(partial.values()))
    close = difflib.get_close_matches(norm, list(forms), n=5, cutoff=0.75)
    candidates = list({forms[c].id: forms[c] for c in close}.values()) or list(partial.values())
    if len(candidates) == 1 and close:
        return candidates[0]
    kind = "/".join(sorted(labels)) if labels else "node"
    hint = f"; did you mean {', '.join(repr(n.name) for n in candidates[:5])}?" if candidates else ""
    raise NodeLookupError(f"no {kind} matches {text!r}{hint}")
