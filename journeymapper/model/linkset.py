"""A document's links: stored by their two ends, indexed by each end.

The links are kept in a plain dict (cheap to copy for a snapshot); the index
that answers "what links into / out of this card" (each card's links out and
in, in the order they were made, as a networkx DiGraph keeps them) is built
in one go the first time a question needs it and then kept current. A
networkx graph of the links is made only when asked for (graph_view), so
loading a map and exporting it never imports networkx. Each change is
recorded in the document's journal (Linked, Unlinked). The link rules are
the document's (JourneyMap.link_refusal): this only stores.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING

from journeymapper.model import events as ev
from journeymapper.model.journal import Journal
from journeymapper.model.links import Link, LinkKind

if TYPE_CHECKING:
    import networkx as nx

#: element id -> the other end -> the link's kind
Adjacency = dict[str, dict[str, LinkKind]]


class LinkSet:
    """The links of one map."""

    def __init__(self, journal: Journal) -> None:
        self._journal = journal
        self._kinds: dict[tuple[str, str], LinkKind] = {}
        #: (links out, links in) of each element; built when a question needs it
        self._index: tuple[Adjacency, Adjacency] | None = None

    def copy(self, journal: Journal) -> LinkSet:
        links = LinkSet(journal)
        links._kinds = dict(self._kinds)
        return links

    @property
    def _adjacency(self) -> tuple[Adjacency, Adjacency]:
        if self._index is None:
            out: Adjacency = {}
            into: Adjacency = {}
            for (s, t), k in self._kinds.items():
                out.setdefault(s, {})[t] = k
                into.setdefault(t, {})[s] = k
            self._index = (out, into)
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
            out, into = self._index
            out.setdefault(link.source, {})[link.target] = link.kind
            into.setdefault(link.target, {})[link.source] = link.kind

    def _remove(self, link: Link) -> None:
        del self._kinds[(link.source, link.target)]
        if self._index is not None:
            out, into = self._index
            for index, end, other in ((out, link.source, link.target),
                                      (into, link.target, link.source)):
                del index[end][other]
                if not index[end]:
                    del index[end]

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
        ends = self._adjacency[0].get(element_id)
        if not ends:
            return []
        return [Link(element_id, t, k) for t, k in ends.items() if kind is None or k is kind]

    def into(self, element_id: str, kind: LinkKind | None = None) -> list[Link]:
        ends = self._adjacency[1].get(element_id)
        if not ends:
            return []
        return [Link(s, element_id, k) for s, k in ends.items() if kind is None or k is kind]

    def among(self, ids: Iterable[str]) -> list[Link]:
        chosen = set(ids)
        return [link for i in chosen for link in self.out_of(i) if link.target in chosen]

    def graph_view(self) -> nx.DiGraph:
        """The links as a frozen networkx graph (made now: later changes are not in it)."""
        import networkx as nx

        graph = nx.DiGraph()
        graph.add_edges_from((s, t, {"kind": k}) for (s, t), k in self._kinds.items())
        return nx.freeze(graph)
