"""langid's feature vector of a text, the same counts as LanguageIdentifier.instance2fv found with numpy instead of a
Python loop over every byte: a state of langid's byte n-gram automaton is fixed by the last DEPTH bytes read (its
n-grams are at most that long), so the automaton runs DEPTH steps over all positions at once."""

from __future__ import annotations

from typing import Any

import numpy as np

DEPTH = 4  # langid's n-grams are 1 to 4 bytes long: no state of its automaton lies deeper (checked on load)


class Features:
    """instance2fv for one identifier: its automaton as a numpy array, its outputs as a sparse state-feature table."""

    def __init__(self, identifier: Any) -> None:
        self.numfeats = identifier.nb_numfeats
        self.nextmove = np.asarray(identifier.tk_nextmove, dtype=np.int64)
        states = len(self.nextmove) >> 8
        lengths = np.zeros(states, dtype=np.int64)
        features: list[int] = []
        for state in range(states):
            found = identifier.tk_output.get(state, ())
            lengths[state] = len(found)
            features.extend(found)
        self.starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
        self.lengths = lengths
        self.features = np.asarray(features, dtype=np.int64)
        self.exact = _depth(self.nextmove) <= DEPTH
        # the class table as np.dot(vector, nb_ptc) casts it on every call (uint32 and float32 meet as float64): cast once
        self.ptc = np.ascontiguousarray(identifier.nb_ptc, dtype=np.float64)

    def __call__(self, text: str) -> np.ndarray:
        data = np.frombuffer(text.encode("utf8"), dtype=np.uint8).astype(np.int64)
        if not len(data):
            return np.zeros((self.numfeats,), dtype="uint32")
        # states[k]: the state after byte k, the automaton run from its start over bytes k-DEPTH+1 .. k (the oldest first)
        size = len(data)
        states = np.zeros(size, dtype=np.int64)
        for back in range(DEPTH - 1, 0, -1):
            if back < size:
                states[back:] = self.nextmove[(states[back:] << 8) + data[:size - back]]
        states = self.nextmove[(states << 8) + data]
        return self._vector(states)

    def _vector(self, states: np.ndarray) -> np.ndarray:
        seen, times = np.unique(states, return_counts=True)
        lengths = self.lengths[seen]
        total = int(lengths.sum())
        if not total:
            return np.zeros((self.numfeats,), dtype="uint32")
        firsts = np.repeat(self.starts[seen] - np.concatenate(([0], np.cumsum(lengths)[:-1])), lengths)
        features = self.features[firsts + np.arange(total)]
        counts = np.bincount(features, weights=np.repeat(times, lengths), minlength=self.numfeats)
        return counts.astype("uint32")


def _depth(nextmove: np.ndarray) -> int:
    """The deepest state of the automaton: the most bytes from its start state."""
    table = nextmove.reshape(-1, 256)
    depth = np.full(len(table), -1)
    depth[0], frontier, level = 0, np.array([0]), 0
    while len(frontier):
        level += 1
        reached = np.unique(table[frontier].ravel())
        frontier = reached[depth[reached] < 0]
        depth[frontier] = level
    return int(depth.max())


def classify(identifier: Any, features: Features, text: str) -> tuple[str, float]:
    """LanguageIdentifier.classify with the feature vector from `features` (the same vector, so the same answer)."""
    if not features.exact:
        return identifier.classify(text)
    vector = features(text)
    probs = identifier.norm_probs(np.dot(vector.astype(np.float64), features.ptc) + identifier.nb_pc)  # nb_classprobs
    best = np.argmax(probs)
    return str(identifier.nb_classes[best]), float(probs[best])
