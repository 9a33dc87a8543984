"""A document's survey scores and waves.

The score book stores the scores by key and the wave list in order, and
records each change (ScoresChanged, WavesChanged) in the document's journal,
so score changes join the document's transactions like any other change.
The document checks that a score's stage and touchpoint exist before it
hands scores over.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from journeymapper.i18n import N_
from journeymapper.model import events as ev
from journeymapper.model.elements import MAX_TEXT, is_date, text_problem
from journeymapper.model.errors import ModelError
from journeymapper.model.journal import Journal
from journeymapper.model.scores import Score, Wave, score_problem

ScoreKey = tuple[str, str, str, str, str]


class ScoreBook:
    """The scores of a map by key, and its wave list in order."""

    def __init__(self, journal: Journal) -> None:
        self._journal = journal
        self._scores: dict[ScoreKey, Score] = {}
        self.waves: tuple[Wave, ...] = ()

    def copy(self, journal: Journal) -> ScoreBook:
        book = ScoreBook(journal)
        book._scores = dict(self._scores)
        book.waves = self.waves
        return book

    # ------------------------------------------------------------ reading
    def get(self, key: ScoreKey) -> Score | None:
        return self._scores.get(key)

    def scores(self, stage_order: Sequence[str], wave: str | None = None,
               stage: str | None = None) -> list[Score]:
        """Scores in reading order: stage, touchpoint, metric, name, wave."""
        order = {w.label: i for i, w in enumerate(self.waves)}
        stage_pos = {s: i for i, s in enumerate(stage_order)}
        items = [s for s in self._scores.values()
                 if (wave is None or s.wave == wave) and (stage is None or s.stage == stage)]
        items.sort(key=lambda s: (stage_pos.get(s.stage, 1 << 30), s.touchpoint or "",
                                  s.metric, s.name, order.get(s.wave, 1 << 30)))
        return items

    def referring_to(self, element_id: str) -> list[Score]:
        """The scores of a stage or a touchpoint."""
        return [s for s in self._scores.values()
                if s.stage == element_id or s.touchpoint == element_id]

    # ------------------------------------------------------------ changing
    def put(self, scores: Sequence[Score], waves: Iterable[Wave] = ()) -> list[Score]:
        """Store scores (and waves not yet known); returns the scores they replaced."""
        waves = list(waves)
        for wave in waves:
            _check_wave(wave)
        for score in scores:
            problem = score_problem(score)
            if problem:
                raise ModelError(N_("score {key}: {problem}"), key="/".join(score.key),
                                 problem=problem)
        with self._journal.transaction():
            known = {w.label for w in self.waves}
            new_waves = []
            for wave in [*waves, *(Wave(s.wave) for s in scores)]:
                if wave.label not in known:
                    new_waves.append(wave)
                    known.add(wave.label)
            if new_waves:
                self._set_waves((*self.waves, *new_waves))
            replaced: dict[ScoreKey, Score] = {}
            for s in scores:
                if s.key in self._scores and s.key not in replaced:
                    replaced[s.key] = self._scores[s.key]
                self._scores[s.key] = s
            if scores:
                self._journal.record(ev.ScoresChanged(tuple(scores), tuple(replaced.values())),
                                     lambda: self._undo_put(scores, replaced.values()))
        return list(replaced.values())

    def _undo_put(self, scores: Iterable[Score], replaced: Iterable[Score]) -> None:
        for s in scores:
            self._scores.pop(s.key, None)
        for s in replaced:
            self._scores[s.key] = s

    def remove(self, keys: Iterable[ScoreKey]) -> list[Score]:
        with self._journal.transaction():
            removed = [self._scores.pop(k) for k in list(dict.fromkeys(keys)) if k in self._scores]
            if removed:
                self._journal.record(ev.ScoresChanged((), tuple(removed)),
                                     lambda: self._undo_put((), removed))
        return removed

    def set_waves(self, waves: Iterable[Wave]) -> None:
        """Replace the wave list (order, dates); scores of dropped waves go too."""
        new = tuple(waves)
        labels = {w.label for w in new}
        if len(labels) != len(new):
            raise ModelError(N_("wave labels must be unique"))
        for wave in new:
            _check_wave(wave)
        with self._journal.transaction():
            self.remove([k for k, s in self._scores.items() if s.wave not in labels])
            self._set_waves(new)

    def _set_waves(self, new: tuple[Wave, ...]) -> None:
        old = self.waves
        if new == old:
            return
        self.waves = new
        self._journal.record(ev.WavesChanged(old, new), lambda: setattr(self, "waves", old))

    def rename_wave(self, old: str, new: str) -> None:
        if old == new:
            return
        _check_wave(Wave(new))
        if any(w.label == new for w in self.waves):
            raise ModelError(N_("a wave named {wave!r} exists already"), wave=new)
        index = next((i for i, w in enumerate(self.waves) if w.label == old), None)
        if index is None:
            raise ModelError(N_("no wave named {wave!r}"), wave=old)
        with self._journal.transaction():
            waves = list(self.waves)
            waves[index] = Wave(new, waves[index].date)
            self._set_waves(tuple(waves))
            moved = [s for s in self._scores.values() if s.wave == old]
            self.remove([s.key for s in moved])
            self.put([s.replace(wave=new) for s in moved])


def _check_wave(wave: Wave) -> None:
    problem = text_problem(wave.label)
    if problem or not wave.label:
        raise ModelError(N_("wave {label!r}: expected a name of at most {limit:,} characters"),
                         label=wave.label, limit=MAX_TEXT)
    if wave.date and not is_date(wave.date):
        raise ModelError(N_("wave {label!r}: date {date!r}: expected YYYY-MM-DD or empty"),
                         label=wave.label, date=wave.date)
