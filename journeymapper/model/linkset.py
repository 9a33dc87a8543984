"""A document's links: stored by their two ends, indexed as a networkx graph.

The links are kept in a plain dict (cheap to copy for a snapshot); the
networkx DiGraph that answers "what links into / out of this card" is built
in one go the first time a question needs it and then kept current. Each
change is recorded in the document's journal (Linked, Unlinked). The link
rules are the document's (JourneyMap.link_refusal): this only stores.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType

import networkx as nx

from journeymapper.model import events as ev
from journeymapper.model.journal import Journal
from journeymapper.model.links import Link, LinkKind


class LinkSet:
    """The links of one map."""

    def __init__(self, journal: Journal) -> None:
        self._journal = journal
        self._kinds: dict[tuple[str, str], LinkKind] = {}
        self._index: nx.DiGraph | None = None  # built when a question needs it

    def copy(self, journal: Journal) -> LinkSet:
        links = LinkSet(journal)
        links._kinds = dict(self._kinds)
        return links

    @property
    def _graph(self) -> nx.DiGraph:
        if self._index is None:
            graph = nx.DiGraph()
            graph.add_edges_from((s, t, {"kind": k}) for (s, t), k in self._kinds.items())
            self._index = graph
        return self._index

    # ------------------------------------------------------------ changes
    def put(self, link: Link) -> None:
        with self._journal.transaction():
            self._add(link)
            self._journal.record(ev.Linked(link), lambda: self._remove(link))

    def drop(self, source: str, target: str) -> Link:
        link = Link(source, target, self._kinds[(source, target)])
        with self._journal.transaction():
            self._remove(link)
            self._journal.record(ev.Unlinked(link), lambda: self._add(link))
        return link

    def _add(self, link: Link) -> None:
        self._kinds[(link.source, link.target)] = link.kind
        if self._index is not None:
            self._index.add_edge(link.source, link.target, kind=link.kind)

    def _remove(self, link: Link) -> None:
        del self._kinds[(link.source, link.target)]
        if self._index is not None:
            self._index.remove_edge(link.source, link.target)
            for end in (link.source, link.target):
                if self._index.degree(end) == 0:
                    self._index.remove_node(end)

    # ------------------------------------------------------------ questions
    def has(self, source: str, target: str) -> bool:
        return (source, target) in self._kinds

    def kind(self, source: str, target: str) -> LinkKind | None:
        return self._kinds.get((source, target))

    def all(self, kind: LinkKind | None = None) -> Iterator[Link]:
        for (s, t), k in list(self._kinds.items()):
            if kind is None or k is kind:
                yield Link(s, t, k)

    def index(self) -> Mapping[tuple[str, str], LinkKind]:
        return MappingProxyType(self._kinds)

    def count(self) -> int:
        return len(self._kinds)

    def out_of(self, element_id: str, kind: LinkKind | None = None) -> list[Link]:
        graph = self._graph
        if element_id not in graph:
            return []
        return [Link(element_id, t, k) for _, t, k in graph.out_edges(element_id, data="kind")
                if kind is None or k is kind]

    def into(self, element_id: str, kind: LinkKind | None = None) -> list[Link]:
        graph = self._graph
        if element_id not in graph:
            return []
        return [Link(s, element_id, k) for s, _, k in graph.in_edges(element_id, data="kind")
                if kind is None or k is kind]

    def among(self, ids: Iterable[str]) -> list[Link]:
        chosen = set(ids)
        return [link for i in chosen for link in self.out_of(i) if link.target in chosen]

    def graph_view(self) -> nx.DiGraph:
        return self._graph.copy(as_view=True)
