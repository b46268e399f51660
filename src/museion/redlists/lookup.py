"""Look-up by photo: which Red List pictures, and for staff which reported objects, look like it.

1. The uploaded photo is checked like any upload (imaging.open_picture), decoded at a reduced
   scale, and hashed as taken, turned a little and cropped (matching.query_hashes).
2. Candidates: the stored pictures whose hashes are nearest in Hamming distance, from the
   in-memory index (hash_index), with no loop over the rows.
3. Each candidate's picture is compared keypoint by keypoint (matching.agreeing_keypoints);
   only confirmed candidates are answers, ranked by score.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PIL import Image

from .hash_index import KIND_TYPE_IMAGE, Candidate, HashIndex
from .imaging import hash_base
from .matching import (
    MIN_INLIERS,
    Keypoints,
    agreeing_keypoints,
    keypoints,
    match_score,
    query_hashes,
)

CANDIDATES = 8  # pictures compared keypoint by keypoint, nearest hashes first
MAX_DISTANCE = 26  # of 64 bits; beyond, a picture is not even a candidate
DECODE_BOX = (1024, 1024)  # a JPEG photo is decoded at about this size, not its full 12 MP


@dataclass(frozen=True)
class Confirmed:
    candidate: Candidate
    inliers: int
    score: float


def find_matches(
    photo: Image.Image,
    index: HashIndex,
    *,
    stored_keypoints: Callable[[list[Candidate]], dict[tuple[int, int], Keypoints]],
    kinds: Iterable[int] = (KIND_TYPE_IMAGE,),
    limit: int = CANDIDATES,
) -> list[Confirmed]:
    """Confirmed candidates for an upright photo, best first.

    ``stored_keypoints`` receives the candidates and returns keypoints by (kind, id) for
    those whose picture could be read (a missing file is simply not confirmed).
    """
    candidates = index.nearest(
        query_hashes(hash_base(photo)), limit=limit, max_distance=MAX_DISTANCE, kinds=kinds
    )
    if not candidates:
        return []
    photo_points = keypoints(photo)
    stored = stored_keypoints(candidates)
    confirmed = []
    for candidate in candidates:
        points = stored.get((candidate.kind, candidate.pk))
        if points is None:
            continue
        inliers = agreeing_keypoints(photo_points, points)
        if inliers >= MIN_INLIERS:
            score = match_score(distance=candidate.distance, inliers=inliers)
            confirmed.append(Confirmed(candidate=candidate, inliers=inliers, score=score))
    confirmed.sort(key=lambda match: (-match.score, match.candidate.distance))
    return confirmed
